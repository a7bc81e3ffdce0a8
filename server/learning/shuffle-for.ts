import { createHash } from 'node:crypto';

/** A stable shuffle per learner: the same person sees the same order on every visit, others see another. */
export function shuffleFor(seed: string) {
  return (ids: string[], questionId: string) =>
    [...ids].sort((a, b) => key(seed, questionId, a).localeCompare(key(seed, questionId, b)));
}

const key = (seed: string, questionId: string, id: string) =>
  createHash('sha1').update(`${seed}|${questionId}|${id}`).digest('hex');
