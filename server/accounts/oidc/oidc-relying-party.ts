// The one module that talks to the identity provider, through openid-client (a certified relying party):
// discovery, the authorisation URL with PKCE, state and nonce, the code exchange with every check of the
// ID token (issuer, audience, expiry, signature, nonce), user info, and the end-session URL. What it
// keeps in memory is the provider's public metadata and keys, never anything about a sign-in in progress.
import type * as OpenidClient from 'openid-client';
import type { OidcConfig } from '../../config.ts';
import type { Clock } from '../../shared/clock.ts';
import { loadOnFirstUse } from '../../shared/load-on-first-use.ts';
import { OidcConsentDeniedError, OidcSignInRejectedError, OidcUnavailableError } from './errors.ts';

/** What the callback checks, kept in the store between the two legs of a sign-in. */
export interface SignInChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

export type Claims = Readonly<Record<string, unknown>> & { iss: string; sub: string };

export interface RelyingParty {
  /** Fresh random checks and the provider's address to send the browser to. */
  authorizationUrl(): Promise<{ url: string; checks: SignInChecks }>;
  /** Exchanges the code in the callback's address; the merged ID token and user info claims. */
  finish(callbackUrl: URL, checks: SignInChecks): Promise<Claims>;
  /** The provider's end-session address, when it has one, returning to `returnTo` afterwards. */
  endSessionUrl(returnTo: string): Promise<string | undefined>;
}

/** Loaded by the first single sign-on, not at start-up: most installations have none (decision 025). */
const openidClient = loadOnFirstUse<typeof OpenidClient>('openid-client');

/** Discovery is retried after this long when it failed, and its answer refreshed after `metadataTtlMs`. */
const metadataTtlMs = 60 * 60_000;
const timeoutSeconds = 10;

export function relyingParty(config: OidcConfig, clock: Clock): RelyingParty {
  const issuer = new URL(config.issuer);
  const insecure = issuer.protocol === 'http:';
  let discovered: { at: number; config: OpenidClient.Configuration } | undefined;

  async function configuration(): Promise<OpenidClient.Configuration> {
    const client = openidClient();
    if (!discovered || Date.now() - discovered.at > metadataTtlMs) {
      try {
        const found = await client.discovery(
          issuer,
          config.clientId,
          undefined,
          client.ClientSecretBasic(config.clientSecret),
          { execute: insecure ? [client.allowInsecureRequests] : [], timeout: timeoutSeconds },
        );
        discovered = { at: Date.now(), config: found };
      } catch (error) {
        throw new OidcUnavailableError(error);
      }
    }
    return discovered.config;
  }

  /**
   * The discovered configuration seen from the app's clock: tokens are checked against the time the rest
   * of Passerelle uses (the same in production; moved forward in tests). The key set is shared.
   */
  async function configurationNow(): Promise<OpenidClient.Configuration> {
    const client = openidClient();
    const base = await configuration();
    const skew = Math.round((clock().getTime() - Date.now()) / 1000);
    const now = new client.Configuration(
      base.serverMetadata(),
      config.clientId,
      { ...base.clientMetadata(), [client.clockSkew]: skew },
      client.ClientSecretBasic(config.clientSecret),
    );
    if (insecure) client.allowInsecureRequests(now);
    // openid-client trusts TLS for the ID token from the token endpoint and skips its signature; checking
    // it too (against the provider's published keys) refuses a token the provider did not sign.
    client.enableNonRepudiationChecks(now);
    now.timeout = timeoutSeconds;
    const keys = client.getJwksCache(base);
    if (keys) client.setJwksCache(now, keys);
    return now;
  }

  return {
    async authorizationUrl() {
      const client = openidClient();
      const oidc = await configuration();
      const checks = {
        state: client.randomState(),
        nonce: client.randomNonce(),
        codeVerifier: client.randomPKCECodeVerifier(),
      };
      const url = client.buildAuthorizationUrl(oidc, {
        redirect_uri: config.redirectUri,
        scope: config.scopes,
        state: checks.state,
        nonce: checks.nonce,
        code_challenge: await client.calculatePKCECodeChallenge(checks.codeVerifier),
        code_challenge_method: 'S256',
      });
      return { url: url.href, checks };
    },

    async finish(callbackUrl, checks) {
      const client = openidClient();
      const oidc = await configurationNow();
      try {
        const tokens = await client.authorizationCodeGrant(oidc, callbackUrl, {
          expectedState: checks.state,
          expectedNonce: checks.nonce,
          pkceCodeVerifier: checks.codeVerifier,
          idTokenExpected: true,
        });
        const idToken = tokens.claims();
        if (!idToken) throw new OidcSignInRejectedError();
        // Keep the JWKS fetched here for the next sign-ins.
        const keys = client.getJwksCache(oidc);
        if (keys && discovered) client.setJwksCache(discovered.config, keys);
        // Some providers put e-mail, name and groups only in user info; the ID token's say wins.
        const info = oidc.serverMetadata().userinfo_endpoint
          ? await client.fetchUserInfo(oidc, tokens.access_token, idToken.sub)
          : {};
        return { ...info, ...idToken } as Claims;
      } catch (error) {
        throw classify(error);
      }
    },

    async endSessionUrl(returnTo) {
      const client = openidClient();
      let oidc: OpenidClient.Configuration;
      try {
        oidc = await configuration();
      } catch {
        return undefined;
      }
      if (!oidc.serverMetadata().end_session_endpoint) return undefined;
      return client.buildEndSessionUrl(oidc, { post_logout_redirect_uri: returnTo }).href;
    },
  };
}

/** Consent refused, provider unreachable, or anything else that failed a check. */
function classify(error: unknown): Error {
  const client = openidClient();
  if (error instanceof OidcSignInRejectedError || error instanceof OidcUnavailableError) return error;
  if (error instanceof client.AuthorizationResponseError) {
    if (['access_denied', 'consent_required', 'login_required', 'interaction_required'].includes(error.error))
      return new OidcConsentDeniedError();
    if (['temporarily_unavailable', 'server_error'].includes(error.error)) return new OidcUnavailableError(error);
  }
  const code = (error as { code?: unknown }).code;
  const cause = (error as { cause?: { code?: unknown } }).cause;
  const network = error instanceof TypeError && cause && typeof cause.code === 'string';
  if (network || code === 'OAUTH_TIMEOUT' || (error as Error).name === 'TimeoutError' || code === 'ECONNREFUSED')
    return new OidcUnavailableError(error);
  if (error instanceof client.ResponseBodyError && error.status >= 500) return new OidcUnavailableError(error);
  return new OidcSignInRejectedError(error);
}
