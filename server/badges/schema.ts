import { z } from 'zod';
import { defineCollection } from '../store/store.ts';

/** A certificate's bit in the revocation status list, given the first time its credential is signed. */
export const CredentialStatusEntry = z.strictObject({
  /** The certificate's id. */
  id: z.string(),
  index: z.int().nonnegative(),
});
export type CredentialStatusEntry = z.infer<typeof CredentialStatusEntry>;

export const badgeCollections = {
  credentialStatusEntries: defineCollection(CredentialStatusEntry, ['index']),
};

declare module '../store/app-collections.ts' {
  interface CollectionRegistry extends BadgeCollections {}
}
type BadgeCollections = typeof badgeCollections;
