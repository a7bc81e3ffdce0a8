import { createHash } from 'node:crypto';

/** A stable shuffle per learner: the same person sees the same order on every visit, others see another. */
export function shuffleFor(seed: string) {
  // Each id's key is hashed once, not at every comparison of the sort: this runs on every module page.
  return (ids: string[], questionId: string) =>
    ids
      .map((id) => ({ id, key: key(seed, questionId, id) }))
      .sort((a, b) => a.key.localeCompare(b.key))
      .map((entry) => entry.id);
}

const key = (seed: string, questionId: string, id: string) =>
  createHash('sha1').update(`${seed}|${questionId}|${id}`).digest('hex');
