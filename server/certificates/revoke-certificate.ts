import { recordAudit } from '../audit/record-audit.ts';
import type { AppStore } from '../store/app-collections.ts';
import { changeValidCertificate } from './change-valid-certificate.ts';
import type { Certificate } from './schema.ts';

/** Revokes a valid certificate with a reason; the verification page then shows it as revoked. */
export function revokeCertificate(
  store: AppStore,
  input: { id: string; reason: string; actorId: string; now: Date },
): Promise<Readonly<Certificate>> {
  return changeValidCertificate(store, input.id, (tx, certificate) => {
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
      statusChangedAt: input.now.toISOString(),
      statusChangedBy: input.actorId,
      revokeReason: input.reason,
    });
  });
}
