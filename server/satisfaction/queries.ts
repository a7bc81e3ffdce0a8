// Reads of the satisfaction survey. Responses are read per course; who answered, per enrolment.
import { enrollmentId } from '../learning/progress-ids.ts';
import type { AppStore } from '../store/app-collections.ts';
import type { SatisfactionResponse } from './schema.ts';

/** Whether this learner has answered the questionnaire of this course. */
export async function hasAnswered(reader: Pick<AppStore, 'get'>, userId: string, course: string): Promise<boolean> {
  return (await reader.get('satisfactionAnswered', enrollmentId(userId, course))) !== undefined;
}

/** The anonymous responses of one course, or of every course. */
export async function satisfactionResponses(
  store: Pick<AppStore, 'findBy' | 'all'>,
  course: string | undefined,
): Promise<Readonly<SatisfactionResponse>[]> {
  if (course !== undefined) return store.findBy('satisfactionResponses', 'course', course);
  const rows: Readonly<SatisfactionResponse>[] = [];
  for await (const row of store.all('satisfactionResponses')) rows.push(row);
  return rows;
}
