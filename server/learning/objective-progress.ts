import type { Course, Module } from '../catalog/course.ts';
import type { Attempt, ObjectiveTally } from './schema.ts';

/** One course objective as a learner stands on it: the share of its questions answered right, in percent. */
export interface ObjectiveProgress {
  /** The objective's number in the course's `objectifs`, from 1. */
  number: number;
  text: string;
  /** From the positioning attempt; undefined when not taken, or when it asked nothing on this objective. */
  before: number | undefined;
  /** From the final assessment attempt that counts (the best); undefined likewise. */
  after: number | undefined;
}

const percent = (tally: ObjectiveTally | undefined) =>
  tally ? Math.round((tally.right / tally.asked) * 100) : undefined;

/** The final assessment attempt that counts for the course: the best score, the latest of equal ones. */
export function countedFinalAttempt<A extends Pick<Attempt, 'score' | 'createdAt'>>(
  attempts: readonly A[],
): A | undefined {
  return attempts.reduce<A | undefined>(
    (best, a) => (!best || a.score > best.score || (a.score === best.score && a.createdAt > best.createdAt) ? a : best),
    undefined,
  );
}

/**
 * A learner's progress per objective in a course with a positioning quiz: before (their positioning
 * attempt) and after (their counted final assessment attempt). Empty when the course has no positioning.
 * `attempts`: the learner's attempts on this course, any module.
 */
export function learnerObjectiveProgress(
  course: Pick<Course, 'objectives' | 'modules'>,
  attempts: readonly Readonly<Attempt>[],
): ObjectiveProgress[] {
  const positioning = course.modules.find((m) => m.positioning);
  const final = course.modules.find((m) => m.isFinal);
  if (!positioning || !final) return [];
  const on = (module: Module) =>
    attempts.filter((a) => a.module === module.slug).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const before = on(positioning)[0]?.byObjective;
  const after = countedFinalAttempt(on(final))?.byObjective;
  return course.objectives.map((text, i) => ({
    number: i + 1,
    text,
    before: percent(before?.[String(i + 1)]),
    after: percent(after?.[String(i + 1)]),
  }));
}

/** A learner's progress per objective on a published course, or nothing when nothing was measured. */
export function measuredObjectives(
  course: Pick<Course, 'objectives' | 'modules'> | undefined,
  attempts: readonly Readonly<Attempt>[],
  slug: string,
): ObjectiveProgress[] {
  if (!course) return [];
  const progress = learnerObjectiveProgress(
    course,
    attempts.filter((a) => a.course === slug),
  );
  return progress.some((o) => o.before !== undefined || o.after !== undefined) ? progress : [];
}

/** The objectives a failed attempt missed questions on, each with the modules that teach it, in course order. */
export function objectivesToReview(
  course: Pick<Course, 'objectives' | 'modules' | 'slug'>,
  attempt: Pick<Attempt, 'byObjective'>,
): { number: number; text: string; modules: { href: string; title: string }[] }[] {
  const missed = Object.entries(attempt.byObjective ?? {})
    .filter(([, tally]) => tally.right < tally.asked)
    .map(([n]) => Number(n))
    .filter((n) => n >= 1 && n <= course.objectives.length)
    .sort((a, b) => a - b);
  return missed.map((number) => ({
    number,
    text: course.objectives[number - 1]!,
    modules: teachingModules(course, number).map((m) => ({
      href: `/courses/${course.slug}/${m.slug}`,
      title: m.title,
    })),
  }));
}

/**
 * The modules that teach an objective: the ordinary modules (neither the positioning nor the final
 * assessment) with a quiz question tagged to it. The tags say where an objective is practised; no other
 * field has to be kept in step with them.
 */
export function teachingModules(course: Pick<Course, 'modules'>, objective: number): Module[] {
  return course.modules.filter(
    (m) => !m.positioning && !m.isFinal && m.quiz?.questions.some((q) => q.objectives.includes(objective)),
  );
}
