import type { Course } from '../catalog/course.ts';
import type { CourseProgress } from './course-progress.ts';
import { measuredObjectives, type ObjectiveProgress } from './objective-progress.ts';
import { type LearningReader, learnerAttemptsOnCourse } from './queries.ts';

/**
 * What a signed-in learner sees of the positioning on a course page: the offer to take it while it is
 * still the place to start, and their progress per objective once something was measured.
 */
export async function objectiveProgressLocals(
  reader: LearningReader,
  course: Course,
  userId: string,
  progress: CourseProgress,
): Promise<{ positioningOffer?: boolean; objectiveProgress?: ObjectiveProgress[] }> {
  const positioning = course.modules.find((m) => m.positioning);
  if (!positioning) return {};
  const objectiveProgress = measuredObjectives(
    course,
    await learnerAttemptsOnCourse(reader, userId, course.slug),
    course.slug,
  );
  return {
    ...(progress.resumeSlug === positioning.slug && { positioningOffer: true }),
    ...(objectiveProgress.length > 0 && { objectiveProgress }),
  };
}
