// The store reads of HR reporting, one function per question, so that a SQL store can answer each with
// one statement. Every function takes the store (or a transaction) and plain values.
import type { User } from '../accounts/schema.ts';
import type { Certificate } from '../certificates/schema.ts';
import { enrollmentId } from '../learning/progress-ids.ts';
import type { Enrollment } from '../learning/schema.ts';
import type { AppStore } from '../store/app-collections.ts';

type Reader = Pick<AppStore, 'get' | 'findBy' | 'all'>;
type Rows<T> = Iterable<Readonly<T>> | AsyncIterable<Readonly<T>>;

/** One person, the enrollments of theirs a query looks at, and their certificates (every course). */
export interface PersonEnrollments {
  user: Readonly<User>;
  enrollments: readonly Readonly<Enrollment>[];
  certificates: readonly Readonly<Certificate>[];
}

/** People read together: an await per person (three reads each) cost as much as their rows' own work. */
const peoplePerGroup = 500;

/**
 * The enrollments a query looks at, with their person, in groups of people: one learner's; the people of
 * each structure of a scope (an HR's: through the indexes, rather than every enrollment of the network read
 * and most of them set aside); one course's, each with its person; or everyone's. A person is read once for
 * all their enrollments; an enrollment without its account is left out (accounts are deactivated, never
 * deleted: it has nobody to report on).
 */
export async function* enrollmentsByPerson(
  store: Reader,
  query: { userId?: string; course?: string; scope?: readonly string[] },
): AsyncGenerator<PersonEnrollments[]> {
  if (query.userId) {
    const user = await findAccount(store, query.userId);
    if (user) yield await enrollmentsOfPeople(store, [user]);
  } else if (query.scope) {
    for (const code of query.scope)
      yield await enrollmentsOfPeople(store, await store.findBy('users', 'structure', code));
  } else if (query.course) {
    const enrollments = await store.findBy('enrollments', 'course', query.course);
    for (let start = 0; start < enrollments.length; start += peoplePerGroup) {
      const group = enrollments.slice(start, start + peoplePerGroup);
      const people = await Promise.all(group.map((enrollment) => findAccount(store, enrollment.userId)));
      const certificates = await Promise.all(group.map((enrollment) => certificatesOf(store, enrollment.userId)));
      yield group.flatMap((enrollment, i) => {
        const user = people[i];
        return user ? [{ user, enrollments: [enrollment], certificates: certificates[i]! }] : [];
      });
    }
  } else {
    let people: Readonly<User>[] = [];
    for await (const user of store.all('users')) {
      people.push(user);
      if (people.length < peoplePerGroup) continue;
      yield await enrollmentsOfPeople(store, people);
      people = [];
    }
    yield await enrollmentsOfPeople(store, people);
  }
}

/** The enrollments and certificates of each person given, read together. */
export async function enrollmentsOfPeople(
  store: Reader,
  people: readonly Readonly<User>[],
): Promise<PersonEnrollments[]> {
  const [enrollments, certificates] = await Promise.all([
    Promise.all(people.map((user) => store.findBy('enrollments', 'userId', user.id))),
    Promise.all(people.map((user) => certificatesOf(store, user.id))),
  ]);
  return people.map((user, i) => ({ user, enrollments: enrollments[i]!, certificates: certificates[i]! }));
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

/** A learner's certificates, every course. */
export function certificatesOf(store: Reader, userId: string): Promise<readonly Readonly<Certificate>[]> {
  return store.findBy('certificates', 'userId', userId);
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
