import type { Collections, Store } from './store.ts';

/** The target of a copy already holds data: nothing was copied (a move never merges two installations). */
export class StoreNotEmptyError extends Error {
  override readonly name = 'StoreNotEmptyError';
  constructor(readonly collection: string) {
    super(`La destination contient déjà des données (collection « ${collection} ») : rien n’a été copié.`);
  }
}

/**
 * Copies every row of every collection from one store to another, in transactions of `batch` rows, after
 * checking that the target is empty. Rows are validated again by the target's schemas as they are put.
 * Returns the number of rows copied per collection.
 */
export async function copyStore<C extends Collections>(
  from: Store<C>,
  to: Store<C>,
  collections: readonly (keyof C & string)[],
  options: { batch?: number; onProgress?: (collection: string, copied: number) => void } = {},
): Promise<Record<string, number>> {
  for (const coll of collections) if ((await to.count(coll)) > 0) throw new StoreNotEmptyError(coll);
  const batchSize = options.batch ?? 1_000;
  const copied: Record<string, number> = {};
  for (const coll of collections) {
    let batch: unknown[] = [];
    let count = 0;
    const flush = async () => {
      const rows = batch;
      batch = [];
      await to.transact((tx) => {
        for (const row of rows) tx.put(coll, row as never);
      });
      count += rows.length;
      options.onProgress?.(coll, count);
    };
    for await (const row of from.all(coll)) {
      batch.push(row);
      if (batch.length >= batchSize) await flush();
    }
    if (batch.length > 0) await flush();
    copied[coll] = count;
  }
  return copied;
}
