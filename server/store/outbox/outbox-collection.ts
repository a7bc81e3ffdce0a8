import type { AppCollections, AppStore, AppTx } from '../app-collections.ts';
import type { IndexedField, Row } from '../store.ts';
import type { OutboxRow, OutboxStatus } from './outbox-fields.ts';

/** The collections that are outboxes: rows with the outbox fields, indexed by `status`. */
export type OutboxName = {
  [K in keyof AppCollections & string]: Row<AppCollections, K> extends Readonly<OutboxRow>
    ? 'status' extends IndexedField<AppCollections, K>
      ? K
      : never
    : never;
}[keyof AppCollections & string];

/** A row of outbox K, with the outbox fields visible to the generic queue. */
export type OutboxRowOf<K extends OutboxName> = Row<AppCollections, K> & Readonly<OutboxRow>;

// The store's typed methods cannot see through a generic collection name that every K above has a
// `status` index and the outbox fields: these two casts say it once, for the whole queue.
export const rowsWithStatus = <K extends OutboxName>(
  reader: Pick<AppStore | AppTx, 'findBy'>,
  coll: K,
  status: OutboxStatus,
): Promise<OutboxRowOf<K>[]> =>
  (reader as AppTx).findBy(coll, 'status' as IndexedField<AppCollections, K>, status) as Promise<OutboxRowOf<K>[]>;

export const putOutboxRow = <K extends OutboxName>(tx: AppTx, coll: K, row: Readonly<OutboxRow>): OutboxRowOf<K> =>
  tx.put(coll, row as unknown as Row<AppCollections, K>) as OutboxRowOf<K>;
