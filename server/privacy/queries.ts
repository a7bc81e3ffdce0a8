// The reads of the personal-data domain: everything Passerelle holds about one person, gathered from
// each domain's collections by the person's id (their queries where they exist, the person index else).
import { findSecondFactor, findUser, identitiesOf, sessionsOf } from '../accounts/queries.ts';
import type { User } from '../accounts/schema.ts';
import type { AuditEntry } from '../audit/schema.ts';
import { certificatesOfLearner } from '../hr/queries.ts';
import type { AppStore, AppTx } from '../store/app-collections.ts';
import type { Erasure } from './schema.ts';

export type Reader = Pick<AppTx, 'get' | 'findBy'>;

const byDate =
  <T>(date: (row: T) => string) =>
  (a: T, b: T) =>
    date(a).localeCompare(date(b));

/** The audit entries where the person acted or was acted upon, oldest first. */
export async function auditAbout(reader: Reader, userId: string): Promise<Readonly<AuditEntry>[]> {
  const entries = new Map<string, Readonly<AuditEntry>>();
  for (const entry of await reader.findBy('audit', 'actorId', userId)) entries.set(entry.id, entry);
  for (const entry of await reader.findBy('audit', 'target', userId)) entries.set(entry.id, entry);
  return [...entries.values()].sort(byDate((e) => e.at));
}

/** Everything held about one person, each list oldest first. */
export async function personalDataOf(store: AppStore, userId: string) {
  const account = await findUser(store, userId);
  if (!account) return undefined;
  const [enrollments, progress, attempts, certificates, emails, audit, notices, sessions, identities] =
    await Promise.all([
      store.findBy('enrollments', 'userId', userId),
      store.findBy('progress', 'userId', userId),
      store.findBy('attempts', 'userId', userId),
      certificatesOfLearner(store, userId),
      store.findBy('emails', 'userId', userId),
      auditAbout(store, userId),
      store.findBy('notices', 'userId', userId),
      sessionsOf(store, userId),
      identitiesOf(store, userId),
    ]);
  return {
    account,
    secondFactor: await findSecondFactor(store, userId),
    commitments: await store.findBy('commitments', 'userId', userId),
    satisfactionAnswered: await store.findBy('satisfactionAnswered', 'userId', userId),
    mailPreference: await store.get('mailPreferences', userId),
    sessions: [...sessions].sort(byDate((s) => s.createdAt)),
    identities,
    enrollments: [...enrollments].sort(byDate((e) => e.startedAt)),
    progress: [...progress].sort(byDate((p) => p.firstSeenAt)),
    attempts: [...attempts].sort(byDate((a) => a.createdAt)),
    certificates: [...certificates].reverse(),
    emails: [...emails].sort(byDate((e) => e.createdAt)),
    notices: [...notices].sort(byDate((n) => n.sentAt)),
    audit,
  };
}
export type PersonalData = NonNullable<Awaited<ReturnType<typeof personalDataOf>>>;

export function findErasure(reader: Reader, userId: string): Promise<Readonly<Erasure> | undefined> {
  return reader.get('erasures', userId);
}

/** True for the rows left of an erased person (pseudonymised account kept for the statistics). */
export async function isErased(reader: Reader, user: Pick<User, 'id'>): Promise<boolean> {
  return (await findErasure(reader, user.id)) !== undefined;
}
