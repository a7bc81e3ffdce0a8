// Every read of the learner's path from the store, one function per question a page or a use case asks.
// Over the journal store they are point and index reads; a SQL store would answer each with a statement
// or two, and nothing else in learning/ would change.
import type { Catalog, Course } from '../catalog/course.ts';
import type { AppTx } from '../store/app-collections.ts';
import { countedModules } from './counted-modules.ts';
import { type CourseProgress, summarizeCourseProgress } from './course-progress.ts';
import { measuredObjectives, type ObjectiveProgress } from './objective-progress.ts';
import { enrollmentId, moduleProgressId } from './progress-ids.ts';
import type { Attempt, Enrollment, ModuleProgress } from './schema.ts';

/** The store, or a transaction (whose reads see its own writes). */
export type LearningReader = Pick<AppTx, 'get' | 'findBy'>;

export function enrollmentIn(
  reader: LearningReader,
  userId: string,
  course: string,
): Promise<Readonly<Enrollment> | undefined> {
  return reader.get('enrollments', enrollmentId(userId, course));
}

export function moduleProgress(
  reader: LearningReader,
  userId: string,
  course: string,
  module: string,
): Promise<Readonly<ModuleProgress> | undefined> {
  return reader.get('progress', moduleProgressId(userId, course, module));
}

/** A learner's progress in the modules of a course, by module slug; modules never opened are absent. */
export async function progressInCourse(
  reader: LearningReader,
  userId: string,
  course: Course,
): Promise<Map<string, Readonly<ModuleProgress>>> {
  const byModule = new Map<string, Readonly<ModuleProgress>>();
  for (const module of course.modules) {
    const progress = await moduleProgress(reader, userId, course.slug, module.slug);
    if (progress) byModule.set(module.slug, progress);
  }
  return byModule;
}

export async function courseProgress(reader: LearningReader, userId: string, course: Course): Promise<CourseProgress> {
  const enrollment = await enrollmentIn(reader, userId, course.slug);
  return summarizeCourseProgress(course, enrollment, await progressInCourse(reader, userId, course));
}

/** Attempts of one learner on one module's quiz, oldest first. */
export async function attemptsOn(
  reader: LearningReader,
  userId: string,
  course: string,
  module: string,
): Promise<Readonly<Attempt>[]> {
  const all = await reader.findBy('attempts', 'userId', userId);
  return all
    .filter((a) => a.course === course && a.module === module)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** Whether a learner has answered the course's final assessment at least once (which closes the positioning). */
export async function finalAttempted(reader: LearningReader, userId: string, course: Course): Promise<boolean> {
  const final = course.modules.find((m) => m.isFinal);
  return final !== undefined && (await attemptsOn(reader, userId, course.slug, final.slug)).length > 0;
}

/** A learner's attempts on every module of a course. */
export async function learnerAttemptsOnCourse(
  reader: LearningReader,
  userId: string,
  course: string,
): Promise<Readonly<Attempt>[]> {
  return (await reader.findBy('attempts', 'userId', userId)).filter((a) => a.course === course);
}

/** Every attempt on a course, every learner and module, through the index on the course. */
export function attemptsOfCourse(reader: LearningReader, course: string): Promise<Readonly<Attempt>[]> {
  return reader.findBy('attempts', 'course', course);
}

/** One attempt, only if it is this learner's and on this module: another's is as absent as a wrong id. */
export async function learnerAttempt(
  reader: LearningReader,
  where: { userId: string; course: string; module: string; attemptId: string },
): Promise<Readonly<Attempt> | undefined> {
  const attempt = await reader.get('attempts', where.attemptId);
  const theirs = attempt?.userId === where.userId && attempt.course === where.course && attempt.module === where.module;
  return theirs ? attempt : undefined;
}

export interface JourneyCourse {
  enrollment: Readonly<Enrollment>;
  /** The published title, or the one recorded at enrolment once the course is no longer published. */
  title: string;
  /** Undefined once the course is no longer published. */
  progress: (CourseProgress & { moduleCount: number; resumeTitle: string }) | undefined;
  /** The learner's valid certificate for this course, if any. */
  certificateId: string | undefined;
  /** Progress per objective (before → after) when the course has a positioning and something was measured. */
  objectives: ObjectiveProgress[];
}

export interface LearnerJourney {
  /** Most recently seen first. */
  inProgress: JourneyCourse[];
  completed: JourneyCourse[];
  /** The latest 50 attempts, newest first, with the titles to show them by. */
  attempts: { attempt: Readonly<Attempt>; courseTitle: string; moduleTitle: string }[];
}

/** « Mon parcours »: every course a learner started, where they stand in it, and their latest attempts. */
export async function learnerJourney(
  reader: LearningReader,
  catalog: Catalog,
  userId: string,
): Promise<LearnerJourney> {
  const [enrollments, progress, attempts, certificates] = await Promise.all([
    reader.findBy('enrollments', 'userId', userId),
    reader.findBy('progress', 'userId', userId),
    reader.findBy('attempts', 'userId', userId),
    reader.findBy('certificates', 'userId', userId),
  ]);
  const courseTitle = (slug: string) =>
    catalog.bySlug.get(slug)?.title ?? enrollments.find((e) => e.course === slug)?.courseTitle ?? slug;
  const moduleTitle = (course: string, module: string) =>
    catalog.bySlug.get(course)?.modules.find((m) => m.slug === module)?.title ?? module;
  const certificateIds = new Map(certificates.filter((c) => c.status === 'valid').map((c) => [c.course, c.id]));

  const rows = [...enrollments]
    .sort((a, b) => b.lastSeenAt.localeCompare(a.lastSeenAt))
    .map((enrollment): JourneyCourse => {
      const course = catalog.bySlug.get(enrollment.course);
      const inCourse = progress.filter((p) => p.course === enrollment.course).map((p) => [p.module, p] as const);
      const summary = course && summarizeCourseProgress(course, enrollment, new Map(inCourse));
      return {
        enrollment,
        title: course?.title ?? enrollment.courseTitle,
        progress: summary && {
          ...summary,
          moduleCount: countedModules(course).length,
          resumeTitle: moduleTitle(enrollment.course, summary.resumeSlug),
        },
        certificateId: certificateIds.get(enrollment.course),
        objectives: measuredObjectives(course, attempts, enrollment.course),
      };
    });
  return {
    inProgress: rows.filter((r) => !r.enrollment.completedAt),
    completed: rows.filter((r) => r.enrollment.completedAt),
    attempts: [...attempts]
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .slice(0, 50)
      .map((attempt) => ({
        attempt,
        courseTitle: courseTitle(attempt.course),
        moduleTitle: moduleTitle(attempt.course, attempt.module),
      })),
  };
}
