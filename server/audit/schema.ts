import { z } from 'zod';
import { IsoDate } from '../shared/iso-date.ts';
import { defineCollection } from '../store/store.ts';

/** Who did what to whom: certificate revocations, exports of personal data, role changes. */
export const AuditEntry = z.strictObject({
  id: z.string(),
  at: IsoDate,
  actorId: z.string().nullable(),
  action: z.string(),
  target: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const auditCollections = {
  audit: defineCollection(AuditEntry, ['actorId', 'target']),
};

declare module '../store/app-collections.ts' {
  interface CollectionRegistry extends AuditCollections {}
}
type AuditCollections = typeof auditCollections;
