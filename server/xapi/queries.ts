// The store reads of the xAPI export: every learner enrolled in a course, with their path through it.
import type { AppStore } from '../store/app-collections.ts';
import type { LearnerRecord } from './build-statements.ts';

type Reader = Pick<AppStore, 'get' | 'findBy'>;

/** One learner at a time (of these structures, when given), so a large course streams without holding everyone in memory. */
export async function* learnerRecords(
  store: Reader,
  course: string,
  structures: ReadonlySet<string> | undefined,
): AsyncIterable<LearnerRecord> {
  for (const enrollment of await store.findBy('enrollments', 'course', course)) {
    const user = await store.get('users', enrollment.userId);
    if (!user || (structures !== undefined && !structures.has(user.structure))) continue;
    const progress = (await store.findBy('progress', 'userId', user.id)).filter((p) => p.course === course);
    const attempts = (await store.findBy('attempts', 'userId', user.id))
      .filter((a) => a.course === course)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    yield { user, enrollment, progress, attempts };
  }
}
