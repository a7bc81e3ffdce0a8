// The collections Passerelle keeps. Each domain declares its own in its `schema.ts` and adds them to
// `CollectionRegistry` by declaration merging, so this engine folder never imports a domain; the
// runtime list is assembled in `server/collections.ts` and handed to the store when it opens.
import type { Store, Tx } from './store.ts';

// biome-ignore lint/suspicious/noEmptyInterface: filled in by each domain's schema.ts
export interface CollectionRegistry {}

export type AppCollections = { [K in keyof CollectionRegistry]: CollectionRegistry[K] };
export type AppStore = Store<AppCollections>;
export type AppTx = Tx<AppCollections>;
