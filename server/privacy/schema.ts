import { z } from 'zod';
import { IsoDate } from '../shared/iso-date.ts';
import { defineCollection } from '../store/store.ts';

/**
 * A person erased, under the id their account had: when, by whom, and whether their certificates keep
 * the name for the legal period. The reason is in the audit entry. Nothing here names the person.
 */
export const Erasure = z.strictObject({
  id: z.string(),
  erasedAt: IsoDate,
  /** Null when the retention job erased an account deactivated for too long. */
  actorId: z.string().nullable(),
  keptCertificates: z.boolean(),
});
export type Erasure = z.infer<typeof Erasure>;

export const privacyCollections = {
  erasures: defineCollection(Erasure),
};

declare module '../store/app-collections.ts' {
  interface CollectionRegistry extends PrivacyCollections {}
}
type PrivacyCollections = typeof privacyCollections;
