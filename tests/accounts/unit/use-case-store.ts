import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { hashPassword } from '../../../server/accounts/password.ts';
import type { Role, User } from '../../../server/accounts/schema.ts';
import { sessionLimits } from '../../../server/accounts/session-expiry.ts';
import { putSession } from '../../../server/accounts/sessions.ts';
import { createUser } from '../../../server/accounts/users.ts';
import type { AuditEntry } from '../../../server/audit/schema.ts';
import { openAppStore } from '../../../server/open-app-store.ts';
import type { AppStore } from '../../../server/store/app-collections.ts';
import { writeStructure } from '../../../server/structures/tree-revision.ts';

export const strongPassword = 'le bateau bleu du port';
export const testLimits = { sessionIdleMinutes: 120, sessionMaxHours: 12 };

/** A real store on a temporary folder and a clock the test moves: what a use case is given, without HTTP. */
export interface UseCaseStore {
  store: AppStore;
  clock: () => Date;
  advance(ms: number): void;
  person(role?: Role, extra?: Partial<User> & { password?: string }): Promise<Readonly<User>>;
  audit(): Promise<Readonly<AuditEntry>[]>;
  /** Signs the person in (one more session row), with the default limits (2 h idle, 12 h in all). */
  signIn(userId: string): Promise<void>;
  close(): Promise<void>;
}

let counter = 0;

export async function openUseCaseStore(): Promise<UseCaseStore> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'passerelle-accounts-'));
  const store = await openAppStore(dir);
  let now = new Date('2026-11-23T09:00:00Z');
  for (const [code, name] of [
    ['nord', 'Centre social Nord'],
    ['sud', 'Centre social Sud'],
    ['foyer-sud', 'Foyer Sud'],
  ] as const)
    await store.transact((tx) => {
      const at = now.toISOString();
      writeStructure(tx, { id: code, name, parentId: 'reseau', createdAt: at, updatedAt: at });
    });
  return {
    store,
    clock: () => now,
    advance: (ms) => {
      now = new Date(now.getTime() + ms);
    },
    async person(role = 'learner', extra = {}) {
      counter += 1;
      const input = {
        name: extra.name ?? `Personne ${counter}`,
        email: extra.email ?? `personne${counter}@exemple.org`,
        structure: extra.structure ?? 'nord',
        matricule: null,
        role,
      };
      const hash = extra.password === undefined ? null : await hashPassword(extra.password);
      const user = await createUser(store, input, now, hash);
      if (extra.active === false) return store.transact((tx) => tx.put('users', { ...user, active: false }));
      return user;
    },
    async signIn(userId) {
      await store.transact((tx) => putSession(tx, userId, now, sessionLimits(testLimits)));
    },
    async audit() {
      const entries: Readonly<AuditEntry>[] = [];
      for await (const entry of store.all('audit')) entries.push(entry);
      return entries;
    },
    async close() {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
