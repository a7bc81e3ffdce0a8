// A transaction buffers its writes (validated and frozen at `put`) and reads through them, so it sees
// its own changes; the store applies the buffer in one synchronous step when `fn` returns.

import { deepFreeze } from '../deep-freeze.ts';
import { ValidationError } from '../errors.ts';
import { transactionEndedError, unknownCollectionError } from '../misuse-errors.ts';
import type { Collections, IndexValue, Tx } from '../store.ts';
import type { StoredRow, Tables } from './tables.ts';

export interface TxWrite {
  coll: string;
  id: string;
  /** undefined: delete. */
  row: StoredRow | undefined;
}

export class Transaction implements Tx<Collections> {
  /** Last write per row, in first-write order. */
  readonly writes = new Map<string, TxWrite>();
  #ended = false;

  constructor(
    private readonly tables: Tables,
    private readonly collections: Collections,
  ) {}

  async get(coll: string, id: string): Promise<StoredRow | undefined> {
    this.#check(coll);
    const write = this.writes.get(key(coll, id));
    return write ? write.row : this.tables.get(coll, id);
  }

  async findBy(coll: string, field: string, value: IndexValue): Promise<StoredRow[]> {
    this.#check(coll);
    const rows = this.tables.findBy(coll, field, value).filter((row) => !this.writes.has(key(coll, row.id)));
    for (const write of this.writes.values()) {
      if (write.coll === coll && write.row && write.row[field] === value) rows.push(write.row);
    }
    return rows;
  }

  // biome-ignore lint/suspicious/noExplicitAny: typed by the Tx<C> interface the store exposes
  put(coll: string, row: any): any {
    this.#check(coll);
    const result = this.collections[coll]!.schema.safeParse(row);
    if (!result.success) throw new ValidationError(coll, result.error.issues);
    const value = result.data as StoredRow;
    if (typeof value?.id !== 'string') {
      throw new ValidationError(coll, [{ code: 'custom', path: ['id'], message: 'identifiant (texte) requis' }]);
    }
    const frozen = deepFreeze(value);
    this.writes.set(key(coll, frozen.id), { coll, id: frozen.id, row: frozen });
    return frozen;
  }

  delete(coll: string, id: string): void {
    this.#check(coll);
    this.writes.set(key(coll, id), { coll, id, row: undefined });
  }

  /** Later calls (e.g. from a callback that outlived `fn`) throw instead of being silently lost. */
  end(): void {
    this.#ended = true;
  }

  #check(coll: string): void {
    if (this.#ended) throw transactionEndedError();
    if (!this.tables.has(coll)) throw unknownCollectionError(coll);
  }
}

function key(coll: string, id: string): string {
  return `${coll}\u0000${id}`;
}
