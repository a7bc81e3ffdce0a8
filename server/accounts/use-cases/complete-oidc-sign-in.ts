import type { OidcConfig } from '../../config.ts';
import type { UseCaseDeps } from '../account-deps.ts';
import { hashSecret } from '../hash-secret.ts';
import { OidcSignInExpiredError } from '../oidc/errors.ts';
import { mapClaims } from '../oidc/map-claims.ts';
import type { RelyingParty } from '../oidc/oidc-relying-party.ts';
import type { User } from '../schema.ts';
import { signInIdentity } from './sign-in-identity.ts';

export interface OidcSignInDeps extends UseCaseDeps {
  oidc: OidcConfig;
  relyingParty: RelyingParty;
}

export interface CompleteOidcSignInInput {
  /** The cookie set by beginOidcSignIn in this browser, if it came back. */
  binding: string | undefined;
  /** The callback's full address, with the provider's `code` and `state` (or `error`). */
  callbackUrl: URL;
  /** The client's address, for the audit trail of privileged accounts. */
  client: string;
}

/**
 * Finishes a sign-in at the identity provider. The pending sign-in is taken out of the store first, so a
 * callback works once (a replayed or copied one is refused); then the code is exchanged and the ID token
 * checked, and the provider's account is matched to a Passerelle account (sign-in-identity.ts).
 */
export async function completeOidcSignIn(
  input: CompleteOidcSignInInput,
  deps: OidcSignInDeps,
): Promise<{ user: Readonly<User>; next: string }> {
  const { store, clock } = deps;
  const id = input.binding ? hashSecret(input.binding) : undefined;
  const pending = id
    ? await store.transact(async (tx) => {
        const row = await tx.get('oidcSignIns', id);
        if (row) tx.delete('oidcSignIns', id);
        return row;
      })
    : undefined;
  if (!pending || Date.parse(pending.expiresAt) <= clock().getTime()) throw new OidcSignInExpiredError();
  const claims = await deps.relyingParty.finish(input.callbackUrl, pending);
  const person = mapClaims(claims, deps.oidc);
  const user = await store.transact((tx) =>
    signInIdentity(tx, { issuer: claims.iss, subject: claims.sub, person, client: input.client, now: clock() }),
  );
  return { user, next: pending.next };
}
