import type { AppCollections, AppStore } from '../store/app-collections.ts';
import type { Tx } from '../store/store.ts';
import { CertificateNotValidError } from './errors.ts';
import type { Certificate } from './schema.ts';

/**
 * Runs `change` in one transaction on a certificate that is still valid; a revoked or replaced one (or
 * an unknown id) is refused with `CertificateNotValidError`, so a certificate changes state only once.
 */
export function changeValidCertificate<R>(
  store: AppStore,
  id: string,
  change: (tx: Tx<AppCollections>, certificate: Readonly<Certificate>) => R | Promise<R>,
): Promise<R> {
  return store.transact(async (tx) => {
    const certificate = await tx.get('certificates', id);
    if (certificate?.status !== 'valid') throw new CertificateNotValidError(`certificate ${id} is not valid`);
    return change(tx, certificate);
  });
}
