import { z } from 'zod';
import { IsoDate } from '../shared/iso-date.ts';
import { defineCollection } from '../store/store.ts';
import { CertificateSnapshot } from './certificate-snapshot.ts';

/** A completion certificate: the frozen snapshot printed on the PDF, and its lifecycle. */
export const Certificate = z.strictObject({
  id: z.string(),
  /** Unguessable (128 bits), used in the verification URL and the QR code. */
  token: z.string(),
  /** Typeable from paper, `PAS-XXXX-XXXX`. */
  shortCode: z.string(),
  userId: z.string(),
  course: z.string(),
  courseVersion: z.number().int(),
  snapshot: CertificateSnapshot,
  status: z.enum(['valid', 'revoked', 'replaced']),
  statusChangedAt: IsoDate.nullable(),
  statusChangedBy: z.string().nullable(),
  revokeReason: z.string().nullable(),
  replacedBy: z.string().nullable(),
  replaces: z.string().nullable(),
});
export type Certificate = z.infer<typeof Certificate>;

export const certificateCollections = {
  certificates: defineCollection(Certificate, ['userId', 'token', 'shortCode', 'course'], {
    // What the HR reports read of a certificate (server/hr/completion-rows-sql.ts).
    types: { userId: 'text', course: 'text', status: 'text', shortCode: 'text' },
    indexed: ['userId'],
  }),
};

declare module '../store/app-collections.ts' {
  interface CollectionRegistry extends CertificateCollections {}
}
type CertificateCollections = typeof certificateCollections;
