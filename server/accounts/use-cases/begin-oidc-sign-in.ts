import { randomBytes } from 'node:crypto';
import type { UseCaseDeps } from '../account-deps.ts';
import { hashSecret } from '../hash-secret.ts';
import type { RelyingParty } from '../oidc/oidc-relying-party.ts';

/** Long enough to type a password and a second factor at the provider; short enough not to pile up. */
export const oidcSignInTtlMs = 10 * 60_000;

export interface BeganOidcSignIn {
  /** The provider's address to send the browser to. */
  url: string;
  /** The value of the cookie that ties the callback to this browser (only its hash is stored). */
  binding: string;
}

/**
 * Starts a sign-in at the identity provider: fresh state, nonce and PKCE verifier, kept in the store (any
 * instance may receive the callback) under a hash of a random value given to this browser in a cookie.
 */
export async function beginOidcSignIn(
  input: { next: string },
  { store, clock, relyingParty }: UseCaseDeps & { relyingParty: RelyingParty },
): Promise<BeganOidcSignIn> {
  const { url, checks } = await relyingParty.authorizationUrl();
  const binding = randomBytes(32).toString('base64url');
  const expiresAt = new Date(clock().getTime() + oidcSignInTtlMs).toISOString();
  await store.transact((tx) => {
    tx.put('oidcSignIns', { id: hashSecret(binding), ...checks, next: input.next, expiresAt });
  });
  return { url, binding };
}
