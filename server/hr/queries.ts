// The store reads of HR reporting, one function per question, so that a SQL store can answer each with
// one statement. Every function takes the store (or a transaction) and plain values.
import type { User } from '../accounts/schema.ts';
import type { Certificate } from '../certificates/schema.ts';
import { enrollmentId } from '../learning/progress-ids.ts';
import type { Enrollment } from '../learning/schema.ts';
import type { AppStore } from '../store/app-collections.ts';

type Reader = Pick<AppStore, 'get' | 'findBy' | 'all'>;
type Rows<T> = Iterable<Readonly<T>> | AsyncIterable<Readonly<T>>;

/**
 * Enrollments of one learner, or of the people of some structures (an HR's scope: through the indexes,
 * people first, rather than every enrollment of the network read and most of them set aside), or of one
 * course, or all of them (streamed, not copied).
 */
export async function enrollmentsIn(
  store: Reader,
  scope: { userId?: string; course?: string; scope?: readonly string[] },
): Promise<Rows<Enrollment>> {
  if (scope.userId) return store.findBy('enrollments', 'userId', scope.userId);
  if (scope.scope) return enrollmentsOfStructures(store, scope.scope);
  if (scope.course) return store.findBy('enrollments', 'course', scope.course);
  return store.all('enrollments');
}

async function* enrollmentsOfStructures(store: Reader, codes: readonly string[]): AsyncGenerator<Readonly<Enrollment>> {
  for (const code of codes)
    for (const user of await store.findBy('users', 'structure', code))
      yield* await store.findBy('enrollments', 'userId', user.id);
}

/** The accounts of one structure, or every account. */
export async function accountsIn(store: Reader, structure: string | undefined): Promise<Rows<User>> {
  return structure !== undefined ? store.findBy('users', 'structure', structure) : store.all('users');
}

export function findAccount(store: Reader, id: string): Promise<Readonly<User> | undefined> {
  return store.get('users', id);
}

export async function hasStarted(store: Reader, userId: string, course: string): Promise<boolean> {
  return (await store.get('enrollments', enrollmentId(userId, course))) !== undefined;
}

export async function hasStartedAnyCourse(store: Reader, userId: string): Promise<boolean> {
  return (await store.findBy('enrollments', 'userId', userId)).length > 0;
}

/**
 * A learner's certificates, looked up once for all their enrollments (three on average: a third of the
 * index lookups). Bounded, so a long export does not keep every learner.
 */
export function certificatesReader(store: Reader): (userId: string) => Promise<readonly Readonly<Certificate>[]> {
  const cache = new Map<string, readonly Readonly<Certificate>[]>();
  return async (userId) => {
    let certificates = cache.get(userId);
    if (!certificates) {
      certificates = await store.findBy('certificates', 'userId', userId);
      if (cache.size >= 50_000) cache.clear();
      cache.set(userId, certificates);
    }
    return certificates;
  };
}

/** Quiz attempts per course of one learner: how many, and the best score. */
export async function attemptsByCourse(
  store: Reader,
  userId: string,
): Promise<Map<string, { count: number; best: number }>> {
  const attempts = new Map<string, { count: number; best: number }>();
  for (const attempt of await store.findBy('attempts', 'userId', userId)) {
    const seen = attempts.get(attempt.course) ?? { count: 0, best: 0 };
    attempts.set(attempt.course, { count: seen.count + 1, best: Math.max(seen.best, attempt.score) });
  }
  return attempts;
}

/** One learner's certificates, the most recently issued first. */
export async function certificatesOfLearner(store: Reader, userId: string): Promise<Readonly<Certificate>[]> {
  return [...(await store.findBy('certificates', 'userId', userId))].sort(
    (a, b) => Date.parse(b.snapshot.issuedAt) - Date.parse(a.snapshot.issuedAt),
  );
}
