import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import request from 'supertest';
import { afterEach } from 'vitest';
import { hashPassword } from '../../server/accounts/password.ts';
import type { Role, User } from '../../server/accounts/schema.ts';
import { createUser } from '../../server/accounts/users.ts';
import { createApp } from '../../server/app.ts';
import type { Catalog } from '../../server/catalog/course.ts';
import { loadCatalog } from '../../server/catalog/load-catalog.ts';
import type { Config } from '../../server/config.ts';
import { openAppStore, openConfiguredCluster, openConfiguredStore } from '../../server/open-app-store.ts';
import type { AppStore } from '../../server/store/app-collections.ts';
import type { StoreFs } from '../../server/store/journal/store-fs.ts';
import { writeStructure } from '../../server/structures/tree-revision.ts';
import { fixturesDir, testConfig } from './test-config.ts';

export const testPassword = 'une phrase de passe solide';

export interface TestApp {
  app: Express;
  store: AppStore;
  catalog: Catalog;
  dataDir: string;
  /** Moves the app's clock forward. */
  advance(ms: number): void;
  now(): Date;
  close(): Promise<void>;
}

// Test apps are quiet: a data folder a test made with mkdir is made owner-only without a warning.
const quietStoreLog = { warn: () => {}, error: (...args: unknown[]) => console.error('[store]', ...args) };

/** The real app on a fresh data directory and a catalog folder (the valid fixture by default). */
export async function createTestApp(
  options: {
    coursesDir?: string;
    config?: Partial<Config>;
    dataDir?: string;
    start?: Date;
    fs?: StoreFs;
    /** A PostgreSQL database (tests/helpers/test-database.ts) instead of the journal in `dataDir`. */
    databaseUrl?: string;
  } = {},
): Promise<TestApp> {
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'passerelle-data-')));
  const { catalog } = await loadCatalog(options.coursesDir ?? path.join(fixturesDir, 'courses/valid'));
  const store = options.databaseUrl
    ? (await openConfiguredStore({ databaseUrl: options.databaseUrl, dataDir })).store
    : await openAppStore(dataDir, { fs: options.fs, log: quietStoreLog });
  const cluster = await openConfiguredCluster({ databaseUrl: options.databaseUrl });
  let now = options.start ?? new Date('2026-11-23T09:00:00Z');
  const app = createApp({
    config: testConfig({ dataDir, ...options.config }),
    catalog,
    store,
    clock: () => now,
    csrfSecret: 'test-secret',
    cluster,
    storeKind: options.databaseUrl ? 'postgres' : 'journal',
  });
  return {
    app,
    store,
    catalog,
    dataDir,
    advance: (ms) => {
      now = new Date(now.getTime() + ms);
    },
    now: () => now,
    close: async () => {
      await Promise.all([store.close(), cluster.close()]);
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** `createTestApp` for tests that each want their own configuration: every app opened is closed after the test. */
export function openedPerTest(): typeof createTestApp {
  const opened: TestApp[] = [];
  afterEach(async () => {
    for (const t of opened.splice(0)) await t.close();
  });
  return async (...args) => {
    const t = await createTestApp(...args);
    opened.push(t);
    return t;
  };
}

let counter = 0;
let testPasswordHash: Promise<string> | undefined;

/** Creates an active user with the test password (hashed once per test file: argon2 is slow on purpose). */
export async function addUser(t: TestApp, role: Role = 'learner', extra: Partial<User> = {}): Promise<Readonly<User>> {
  counter += 1;
  testPasswordHash ??= hashPassword(testPassword);
  return createUser(
    t.store,
    {
      name: extra.name ?? `Personne ${counter}`,
      email: extra.email ?? `personne${counter}@exemple.org`,
      structure: extra.structure ?? 'Centre social Nord',
      matricule: extra.matricule ?? null,
      role,
    },
    t.now(),
    await testPasswordHash,
  );
}

/** Puts structures in the tree as they are given (`[code, name, parent]`, the root when no parent), without audit. */
export async function addStructures(
  t: Pick<TestApp, 'store' | 'now'>,
  rows: readonly (readonly [string, string, string?])[],
) {
  const at = t.now().toISOString();
  await t.store.transact((tx) => {
    for (const [code, name, parent] of rows)
      writeStructure(tx, { id: code, name, parentId: parent ?? 'reseau', createdAt: at, updatedAt: at });
  });
}

/** Extracts the CSRF token from a page. */
export function csrfOf(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('no CSRF token in page');
  return match[1]!;
}

/** The session cookie of a sign-in on one app: any instance on the same database accepts it. */
export async function cookieOn(t: TestApp, email: string): Promise<string> {
  const page = await request(t.app).get('/login');
  const anonymous = [page.headers['set-cookie'] ?? []].flat().map((c) => c.split(';')[0]);
  const res = await request(t.app)
    .post('/login')
    .set('Cookie', anonymous.join('; '))
    .type('form')
    .send({ _csrf: csrfOf(page.text), email, password: testPassword, next: '/me' })
    .expect(303);
  return [res.headers['set-cookie'] ?? []]
    .flat()
    .map((c) => c.split(';')[0])
    .join('; ');
}

/** A supertest agent signed in as this user (cookies kept between requests). */
export async function signIn(t: TestApp, user: { email: string }) {
  const agent = request.agent(t.app);
  const page = await agent.get('/login');
  const res = await agent
    .post('/login')
    .type('form')
    .send({ _csrf: csrfOf(page.text), email: user.email, password: testPassword, next: '/me' });
  if (res.status !== 303) throw new Error(`sign-in failed: ${res.status}`);
  return agent;
}
