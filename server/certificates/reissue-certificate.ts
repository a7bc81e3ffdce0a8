import { randomUUID } from 'node:crypto';
import { recordAudit } from '../audit/record-audit.ts';
import type { AppStore } from '../store/app-collections.ts';
import { changeValidCertificate } from './change-valid-certificate.ts';
import type { Certificate } from './schema.ts';
import { uniqueCodes } from './unique-codes.ts';

/**
 * Re-issues a certificate after a name correction: a new certificate with new codes, the same facts, and
 * the old one marked « remplacée » pointing to it.
 */
export function reissueCertificate(
  store: AppStore,
  input: { id: string; learnerName: string; actorId: string; now: Date },
): Promise<Readonly<Certificate>> {
  return changeValidCertificate(store, input.id, async (tx, old) => {
    const at = input.now.toISOString();
    const codes = await uniqueCodes(tx);
    const replacement = tx.put('certificates', {
      ...old,
      ...codes,
      id: randomUUID(),
      snapshot: { ...old.snapshot, learnerName: input.learnerName, shortCode: codes.shortCode, issuedAt: at },
      replaces: old.id,
      replacedBy: null,
    });
    tx.put('certificates', {
      ...old,
      status: 'replaced',
      statusChangedAt: at,
      statusChangedBy: input.actorId,
      replacedBy: replacement.id,
    });
    recordAudit(tx, {
      actorId: input.actorId,
      action: 'certificate.reissued',
      target: old.id,
      details: { replacement: replacement.id, previousName: old.snapshot.learnerName },
      at: input.now,
    });
    return replacement;
  });
}
