import { randomUUID } from 'node:crypto';
import { recordAudit } from '../audit/record-audit.ts';
import type { AppStore } from '../store/app-collections.ts';
import { uniqueCodes } from './issue-certificate.ts';
import type { Certificate } from './schema.ts';

export class CertificateNotValidError extends Error {
  override readonly name = 'CertificateNotValidError';
}

/** Revokes a valid certificate with a reason; the verification page then shows it as revoked. */
export async function revokeCertificate(
  store: AppStore,
  input: { id: string; reason: string; actorId: string; now: Date },
): Promise<Readonly<Certificate>> {
  return store.transact(async (tx) => {
    const certificate = await tx.get('certificates', input.id);
    if (certificate?.status !== 'valid') throw new CertificateNotValidError(input.id);
    const at = input.now.toISOString();
    recordAudit(tx, {
      actorId: input.actorId,
      action: 'certificate.revoked',
      target: input.id,
      details: { reason: input.reason },
      at: input.now,
    });
    return tx.put('certificates', {
      ...certificate,
      status: 'revoked',
      statusChangedAt: at,
      statusChangedBy: input.actorId,
      revokeReason: input.reason,
    });
  });
}

/**
 * Re-issues a certificate after a name correction: a new certificate with new codes, the same facts, and
 * the old one marked « remplacée » pointing to it.
 */
export async function reissueCertificate(
  store: AppStore,
  input: { id: string; learnerName: string; actorId: string; now: Date },
): Promise<Readonly<Certificate>> {
  return store.transact(async (tx) => {
    const old = await tx.get('certificates', input.id);
    if (old?.status !== 'valid') throw new CertificateNotValidError(input.id);
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
