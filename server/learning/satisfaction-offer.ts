import type { Course } from '../catalog/course.ts';
import type { CourseProgress } from './course-progress.ts';
import type { LearningReader } from './queries.ts';

/**
 * Whether the course page invites the learner to the end-of-course questionnaire (server/satisfaction/),
 * or thanks them: only once the course is completed. Read here from the store, since the satisfaction
 * domain builds on learning and not the other way round.
 */
export async function satisfactionOffer(
  reader: LearningReader,
  course: Course,
  progress: CourseProgress,
): Promise<{ course: string; answered: boolean } | undefined> {
  const enrollment = progress.enrollment;
  if (!enrollment?.completedAt) return undefined;
  return { course: course.slug, answered: (await reader.get('satisfactionAnswered', enrollment.id)) !== undefined };
}
