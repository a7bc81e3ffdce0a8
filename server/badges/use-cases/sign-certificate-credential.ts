import type { Certificate } from '../../certificates/schema.ts';
import type { AppStore } from '../../store/app-collections.ts';
import { buildCredential, type OpenBadgeCredential } from '../build-credential.ts';
import type { CredentialKeyStore } from '../credential-keys.ts';
import { CredentialUnavailableError } from '../errors.ts';
import { signCredential } from '../sign-credential.ts';
import { ensureStatusIndex } from '../status-list.ts';

export interface SignDeps {
  store: AppStore;
  keys: CredentialKeyStore;
  org: { name: string };
  baseUrl: string;
}

/**
 * The certificate as a signed OpenBadgeCredential (VC-JWT) and the credential it carries. Only a valid
 * certificate is handed out; once revoked or replaced, the status list says so to every verifier.
 */
export async function signCertificateCredential(
  deps: SignDeps,
  certificate: Readonly<Certificate>,
): Promise<{ jwt: string; credential: OpenBadgeCredential }> {
  if (certificate.status !== 'valid') throw new CredentialUnavailableError();
  const holder = await deps.store.get('users', certificate.userId);
  if (!holder) throw new CredentialUnavailableError();
  const statusIndex = await ensureStatusIndex(deps.store, certificate.id);
  const credential = buildCredential({
    certificate,
    email: holder.email,
    org: deps.org,
    baseUrl: deps.baseUrl,
    statusIndex,
  });
  return { jwt: await signCredential(credential, await deps.keys.read(), deps.baseUrl), credential };
}
