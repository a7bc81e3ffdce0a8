import type { ObjectiveProgress } from './objective-progress.ts';

/**
 * Fewer learners than this and the figures are not shown: an average of two or three people lets a
 * colleague or a manager who knows who took the course read each one's score (decision 015).
 */
export const minimumGroupSize = 5;

export interface ObjectiveAggregate {
  number: number;
  text: string;
  /** Learners measured both before and after on this objective. */
  learners: number;
  /** Their mean share of right answers, in percent; undefined when too few to show. */
  before: number | undefined;
  after: number | undefined;
}

export interface ObjectiveProgressSummary {
  /** Learners measured before and after on at least one objective. */
  learners: number;
  /** True when every objective has fewer than `minimumGroupSize` learners: nothing is shown. */
  tooFew: boolean;
  objectives: ObjectiveAggregate[];
}

const mean = (values: number[]) => Math.round(values.reduce((sum, v) => sum + v, 0) / values.length);

/**
 * The progress per objective of a group of learners, never of one: for each objective, the mean before and
 * after over the learners measured both times (a learner who skipped the positioning, or has not taken the
 * final assessment, tells nothing of progress). Figures on fewer than `minimumGroupSize` learners are left
 * out, objective by objective.
 */
export function aggregateObjectiveProgress(
  objectives: readonly string[],
  learners: readonly (readonly ObjectiveProgress[])[],
): ObjectiveProgressSummary {
  const paired = (progress: ObjectiveProgress) => progress.before !== undefined && progress.after !== undefined;
  const rows = objectives.map((text, i): ObjectiveAggregate => {
    const pairs = learners.flatMap((one) => one.filter((p) => p.number === i + 1 && paired(p)));
    const shown = pairs.length >= minimumGroupSize;
    return {
      number: i + 1,
      text,
      learners: pairs.length,
      before: shown ? mean(pairs.map((p) => p.before!)) : undefined,
      after: shown ? mean(pairs.map((p) => p.after!)) : undefined,
    };
  });
  const measured = learners.filter((one) => one.some(paired)).length;
  return { learners: measured, tooFew: rows.every((r) => r.before === undefined), objectives: rows };
}
