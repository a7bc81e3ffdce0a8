// A store used the wrong way by code (a bug, never a person's doing): every store says it in the same
// words, so the contract suite can check it on each.
import type { Collections } from './store.ts';

export function unknownCollectionError(coll: string): Error {
  return new Error(`Collection inconnue : « ${coll} »`);
}

export function notIndexedError(coll: string, field: string): Error {
  return new Error(`Le champ « ${field} » de la collection « ${coll} » n’est pas indexé`);
}

export function transactionEndedError(): Error {
  return new Error('Transaction terminée : utilisez « tx » seulement pendant la fonction de transact()');
}

/** Throws unless `coll` is a declared collection (and `field` one of its indexes, when given). */
export function checkCollection(collections: Collections, coll: string, field?: string): void {
  if (!Object.hasOwn(collections, coll)) throw unknownCollectionError(coll);
  if (field !== undefined && !collections[coll]!.indexes?.includes(field)) throw notIndexedError(coll, field);
}
