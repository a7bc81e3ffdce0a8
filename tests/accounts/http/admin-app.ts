import type request from 'supertest';
import { issueToken } from '../../../server/accounts/one-time-tokens.ts';
import type { User } from '../../../server/accounts/schema.ts';
import { createUser } from '../../../server/accounts/users.ts';
import type { AuditEntry } from '../../../server/audit/schema.ts';
import {
  addStructures,
  addUser,
  createTestApp,
  csrfOf,
  signIn,
  type TestApp,
  testPassword,
} from '../../helpers/test-app.ts';

export type Agent = Awaited<ReturnType<typeof signIn>>;

/** A fresh app with Alice, an administrator, signed in. */
export async function openAdminApp(): Promise<{ t: TestApp; admin: Readonly<User>; agent: Agent }> {
  const t = await createTestApp();
  await addStructures(t, [
    ['nord', 'Centre social Nord'],
    ['sud', 'Centre social Sud'],
    ['foyer-sud', 'Foyer Sud'],
  ]);
  const admin = await addUser(t, 'admin', { name: 'Alice Admin', email: 'alice@exemple.org' });
  return { t, admin, agent: await signIn(t, admin) };
}

export async function formToken(a: Agent, url: string) {
  return csrfOf((await a.get(url).expect(200)).text);
}

/** The one-time link shown in the read-only field, as a path on the test app. */
export function shownLink(html: string, kind: 'invitations' | 'reset'): string {
  const match = new RegExp(`value="http://localhost:3000(/${kind}/[\\w-]+)"`).exec(html);
  if (!match) throw new Error(`no ${kind} link in page`);
  return match[1]!;
}

/** The audit entries of user administration (sign-ins of admins are audited too, and left out here). */
export async function auditEntries(t: TestApp, action?: string): Promise<Readonly<AuditEntry>[]> {
  const entries: Readonly<AuditEntry>[] = [];
  for await (const entry of t.store.all('audit')) {
    if (action ? entry.action === action : !entry.action.startsWith('user.sign')) entries.push(entry);
  }
  return entries;
}

export async function choosePassword(a: ReturnType<typeof request.agent>, path: string, password = testPassword) {
  const page = await a.get(path).expect(200);
  return a
    .post(path)
    .type('form')
    .send({ _csrf: csrfOf(page.text), password, confirm: password });
}

/** An account created by invitation, not yet accepted. */
export async function invited(
  t: TestApp,
  by: { id: string },
  name: string,
  email: string,
  structure = 'Centre social Nord',
) {
  const user = await createUser(t.store, { name, email, structure, matricule: null, role: 'learner' }, t.now());
  await issueToken(t.store, { kind: 'invitation', userId: user.id, createdBy: by.id }, t.now());
  return user;
}

/** The rows of the list, without the header (where the signed-in admin's name appears). */
export const tableOf = (html: string) => /<tbody>([\s\S]*)<\/tbody>/.exec(html)?.[1] ?? '';
