// Every read of the accounts collections. Reads take a store or a transaction (`Reader`), so a rule
// checked before a write can be checked again inside it; a SQL store would answer each with one query.

import type { Sql } from 'postgres';
import { fold } from '../shared/fold.ts';
import { type Page, paginate } from '../shared/paginate.ts';
import type { AppStore, AppTx } from '../store/app-collections.ts';
import { postgresSqlOf } from '../store/postgres/postgres-sql-of.ts';
import { keepsNetworkAdmin, networkAdminWays } from '../structures/queries.ts';
import { hashSecret } from './hash-secret.ts';
import type { Identity, MfaChallenge, Role, SecondFactor, Session, Token, User } from './schema.ts';
import { type SessionLimits, sessionExpired } from './session-expiry.ts';

export type Reader = Pick<AppTx, 'get' | 'findBy'>;

const collator = new Intl.Collator('fr');
const byName = (a: Readonly<User>, b: Readonly<User>) =>
  collator.compare(a.name, b.name) || a.email.localeCompare(b.email);

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

export function findUser(reader: Reader, id: string): Promise<Readonly<User> | undefined> {
  return reader.get('users', id);
}

export async function findUserByEmail(reader: Reader, email: string): Promise<Readonly<User> | undefined> {
  return (await reader.findBy('users', 'email', normalizeEmail(email)))[0];
}

/** Which of these (normalised) emails already belong to an account. */
export async function emailsTaken(reader: Reader, emails: readonly string[]): Promise<Set<string>> {
  const taken = new Set<string>();
  for (const email of emails) if ((await reader.findBy('users', 'email', email)).length > 0) taken.add(email);
  return taken;
}

/** The active administrators of the whole network: by their account's role or by an admin grant on the root. */
export async function activeAdmins(reader: Reader): Promise<Readonly<User>[]> {
  const admins = new Map<string, Readonly<User>>();
  for (const { userId } of await networkAdminWays(reader))
    if (!admins.has(userId)) admins.set(userId, (await reader.get('users', userId))!);
  return [...admins.values()];
}

/** Whether the account's own role `admin` is what keeps the network administered (it cannot be taken away). */
export async function lastAdminByRole(reader: Reader, person: Readonly<User>): Promise<boolean> {
  return (
    person.role === 'admin' && person.active && !(await keepsNetworkAdmin(reader, { userId: person.id, grantId: null }))
  );
}

export async function hasActiveAdmin(reader: Reader): Promise<boolean> {
  return (await activeAdmins(reader)).length > 0;
}

export async function usersOfStructure(reader: Reader, structure: string): Promise<Readonly<User>[]> {
  return (await reader.findBy('users', 'structure', structure)).sort(byName);
}

/** Every account, by email (the command line's list). */
export async function allUsersByEmail(store: AppStore): Promise<Readonly<User>[]> {
  const users: Readonly<User>[] = [];
  for await (const person of store.all('users')) users.push(person);
  return users.sort((a, b) => (a.email < b.email ? -1 : a.email > b.email ? 1 : 0));
}

export interface UserFilter {
  /** Searched in name, email and structure, whatever the accents and case. */
  q: string;
  role: Role | '';
  structure: string;
}

/**
 * The accounts matching `filter`, sorted by name, one page of `pageSize`; only those of the structures in
 * `scope` when given (an administrator of part of the network).
 */
export async function listUsers(
  store: AppStore,
  filter: UserFilter,
  page: number,
  pageSize: number,
  scope?: readonly string[],
): Promise<Page<Readonly<User>>> {
  const sql = postgresSqlOf(store);
  if (sql) return listUsersInPostgres(sql, store, filter, page, pageSize, scope);
  const needle = fold(filter.q);
  const within = scope && new Set(scope);
  const matches: Readonly<User>[] = [];
  for await (const person of store.all('users')) {
    if (filter.role && person.role !== filter.role) continue;
    if (filter.structure && person.structure !== filter.structure) continue;
    if (within && !within.has(person.structure)) continue;
    if (needle && !fold(`${person.name}\n${person.email}\n${person.structure}`).includes(needle)) continue;
    matches.push(person);
  }
  return paginate(matches.sort(byName), page, pageSize);
}

/**
 * The same list from PostgreSQL: the database filters on role and structure and sends the four fields
 * the search and the order need; the search folds accents as above; only the page's rows are read whole.
 */
async function listUsersInPostgres(
  sql: Sql,
  store: AppStore,
  filter: UserFilter,
  page: number,
  pageSize: number,
  scope: readonly string[] | undefined,
): Promise<Page<Readonly<User>>> {
  const needle = fold(filter.q);
  const role = filter.role || null;
  const structure = filter.structure || null;
  const inScope = scope
    ? sql`(data->'structure') in (select to_jsonb(code) from unnest(${scope as string[]}::text[]) as code)`
    : sql`true`;
  const light = await sql<Pick<User, 'id' | 'name' | 'email' | 'structure'>[]>`
    select id, data->>'name' as name, data->>'email' as email, data->>'structure' as structure from users
    where (${role}::text is null or (data->'role') = to_jsonb(${role}::text))
      and (${structure}::text is null or (data->'structure') = to_jsonb(${structure}::text))
      and ${inScope}`;
  const matches = needle
    ? light.filter((person) => fold(`${person.name}\n${person.email}\n${person.structure}`).includes(needle))
    : [...light];
  const found = paginate(
    matches.sort((a, b) => collator.compare(a.name, b.name) || a.email.localeCompare(b.email)),
    page,
    pageSize,
  );
  const rows = await Promise.all(found.items.map((person) => store.get('users', person.id)));
  return { ...found, items: rows.filter((row) => row !== undefined) };
}

/** Whether the person can sign in (`password`), has an invitation to accept (`pending`) or needs a new one. */
export type Access =
  | { status: 'password' }
  | { status: 'sso' }
  | { status: 'pending'; expiresAt: string }
  | { status: 'expired' };

export async function accessOf(reader: Reader, person: Readonly<User>, now: Date): Promise<Access> {
  if (person.passwordHash) return { status: 'password' };
  if ((await identitiesOf(reader, person.id)).length > 0) return { status: 'sso' };
  const invitation = (await unusedTokensOf(reader, person.id, 'invitation')).find(
    (t) => Date.parse(t.expiresAt) > now.getTime(),
  );
  return invitation ? { status: 'pending', expiresAt: invitation.expiresAt } : { status: 'expired' };
}

/** `accessOf` for each person of a list, in the same order. */
export function accessOfEach(reader: Reader, people: readonly Readonly<User>[], now: Date): Promise<Access[]> {
  return Promise.all(people.map((person) => accessOf(reader, person, now)));
}

/** The person's links of this kind that have not been used (expired ones included). */
export async function unusedTokensOf(reader: Reader, userId: string, kind: Token['kind']): Promise<Readonly<Token>[]> {
  return (await reader.findBy('tokens', 'userId', userId)).filter((t) => t.kind === kind && !t.usedAt);
}

/** Setup links belong to no one yet: they are the tokens without a person. */
export async function unusedSetupTokens(reader: Reader): Promise<Readonly<Token>[]> {
  return (await reader.findBy('tokens', 'userId', null)).filter((t) => t.kind === 'setup' && !t.usedAt);
}

/** The token if it exists, is of this kind, unused and not expired. */
export async function findValidToken(
  reader: Reader,
  raw: string,
  kind: Token['kind'],
  now: Date,
): Promise<Readonly<Token> | undefined> {
  if (!/^[\w-]{20,64}$/.test(raw)) return undefined;
  const token = await reader.get('tokens', hashSecret(raw));
  if (!token || token.kind !== kind || token.usedAt || Date.parse(token.expiresAt) <= now.getTime()) return undefined;
  return token;
}

/** A valid setup link, as long as no administrator exists yet. */
export async function findSetupLink(reader: Reader, raw: string, now: Date): Promise<Readonly<Token> | undefined> {
  const token = await findValidToken(reader, raw, 'setup', now);
  return token && !(await hasActiveAdmin(reader)) ? token : undefined;
}

/** A valid invitation or reset link and the active person it lets choose a password. */
export async function findPasswordLink(
  reader: Reader,
  kind: 'invitation' | 'reset',
  raw: string,
  now: Date,
): Promise<{ token: Readonly<Token>; user: Readonly<User> } | undefined> {
  const token = await findValidToken(reader, raw, kind, now);
  const user = token?.userId ? await findUser(reader, token.userId) : undefined;
  return token && user?.active ? { token, user } : undefined;
}

export function findSession(reader: Reader, id: string): Promise<Readonly<Session> | undefined> {
  return reader.get('sessions', id);
}

/** Sessions past their idle time or their maximum lifetime, to be removed. */
export async function expiredSessions(store: AppStore, now: Date, limits: SessionLimits): Promise<Readonly<Session>[]> {
  const expired: Readonly<Session>[] = [];
  for await (const session of store.all('sessions')) if (sessionExpired(session, now, limits)) expired.push(session);
  return expired;
}

export function sessionsOf(reader: Reader, userId: string): Promise<Readonly<Session>[]> {
  return reader.findBy('sessions', 'userId', userId);
}

/** The identity provider's accounts linked to this person (single sign-on). */
export function identitiesOf(reader: Reader, userId: string): Promise<Readonly<Identity>[]> {
  return reader.findBy('identities', 'userId', userId);
}

/** Rows that only ever expire (sign-ins in progress, second-factor steps, remembered devices), past their time. */
export async function expiredRows(
  store: AppStore,
  coll: 'oidcSignIns' | 'mfaChallenges' | 'rememberedDevices',
  now: Date,
): Promise<string[]> {
  const expired: string[] = [];
  for await (const row of store.all(coll)) if (Date.parse(row.expiresAt) <= now.getTime()) expired.push(row.id);
  return expired;
}

/** The person's authenticator, confirmed or being set up. */
export function findSecondFactor(reader: Reader, userId: string): Promise<Readonly<SecondFactor> | undefined> {
  return reader.get('secondFactors', userId);
}

/** The step between password and second factor held by this cookie value, if still valid. */
export async function findMfaChallenge(
  reader: Reader,
  raw: string | undefined,
  now: Date,
): Promise<Readonly<MfaChallenge> | undefined> {
  if (!raw || !/^[\w-]{20,64}$/.test(raw)) return undefined;
  const challenge = await reader.get('mfaChallenges', hashSecret(raw));
  return challenge && Date.parse(challenge.expiresAt) > now.getTime() ? challenge : undefined;
}

/** Whether this browser's cookie says it was remembered by this person, and is still within its time. */
export async function isRememberedDevice(reader: Reader, raw: string | undefined, userId: string, now: Date) {
  if (!raw || !/^[\w-]{20,64}$/.test(raw)) return false;
  const device = await reader.get('rememberedDevices', hashSecret(raw));
  return Boolean(device && device.userId === userId && Date.parse(device.expiresAt) > now.getTime());
}
