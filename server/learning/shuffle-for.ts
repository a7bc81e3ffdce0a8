import { createHash } from 'node:crypto';

/** A stable shuffle per learner: the same person sees the same order on every visit, others see another. */
export function shuffleFor(seed: string) {
  return (ids: string[], questionId: string) => {
    const memo = `${seed}|${questionId}|${ids.join('|')}`;
    let order = orders.get(memo);
    if (!order) {
      // Each id's key is hashed once, not at every comparison of the sort.
      order = ids
        .map((id) => ({ id, key: key(seed, questionId, id) }))
        .sort((a, b) => a.key.localeCompare(b.key))
        .map((entry) => entry.id);
      if (orders.size >= maxOrders) orders.clear();
      orders.set(memo, order);
    }
    return [...order];
  };
}

/**
 * This runs for every question at every view of a module: the orders are kept (a few MB at most), as
 * hashing each choice again was ~4 % of a module page's CPU.
 */
const orders = new Map<string, readonly string[]>();
const maxOrders = 20_000;

const key = (seed: string, questionId: string, id: string) =>
  createHash('sha1').update(`${seed}|${questionId}|${id}`).digest('hex');
