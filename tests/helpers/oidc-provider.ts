// A real OpenID provider for tests: the certified `oidc-provider` package, in-process on a free port.
// Its development login and consent pages accept any login; the login names an account of `accounts`.
// `tamperIdToken` lets a test make the provider misbehave (wrong audience, foreign signature): the ID
// token it issues is rewritten and signed again with the provider's own key (or another one).
import { createPrivateKey, generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type Configuration } from 'oidc-provider';

export type AccountClaims = Record<string, unknown>;

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The people the provider knows, by login (their subject); change them between sign-ins. */
  accounts: Map<string, AccountClaims>;
  /** Rewrites the next ID tokens' payload; `key: 'foreign'` signs with a key the provider never published. */
  tamperIdToken?: { payload: (claims: AccountClaims) => AccountClaims; key?: 'provider' | 'foreign' };
  close(): Promise<void>;
}

/** A server listening on a free port of 127.0.0.1 or localhost; the handler is attached once known. */
export async function listenOnFreePort(host = '127.0.0.1') {
  let handler: http.RequestListener = (_req, res) => res.writeHead(503).end();
  const server = http.createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return {
    origin: `http://${host}:${(server.address() as AddressInfo).port}`,
    handle(next: http.RequestListener) {
      handler = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const base64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

function signJwt(header: object, payload: object, key: KeyObject): string {
  const input = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`;
  return `${input}.${sign('sha256', Buffer.from(input), key).toString('base64url')}`;
}

export async function startTestProvider(options: {
  /** The Passerelle address (BASE_URL) whose callback and sign-out return are registered. */
  appOrigin: string;
  /** Seconds an ID token lives (oidc-provider's ttl.IdToken). */
  idTokenTtl?: number;
}): Promise<TestProvider> {
  const listener = await listenOnFreePort('127.0.0.1');
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'test-key', use: 'sig', alg: 'RS256' };
  const foreignKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  const accounts = new Map<string, AccountClaims>();
  const clientId = 'passerelle';
  const clientSecret = 'un-secret-de-test-suffisamment-long-pour-hs256';
  const configuration: Configuration = {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [`${options.appOrigin}/login/oidc/callback`],
        post_logout_redirect_uris: [`${options.appOrigin}/`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    jwks: { keys: [jwk as never] },
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name', 'given_name', 'family_name'],
      groups: ['groups'],
      structure: ['structure'],
    },
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    ttl: { IdToken: options.idTokenTtl ?? 3600, AccessToken: 600, Interaction: 600, Session: 3600, Grant: 3600 },
    findAccount: (_ctx, id) => ({
      accountId: id,
      claims: () => ({ sub: id, ...(accounts.get(id) ?? {}) }),
    }),
    cookies: { keys: ['des-cles-de-cookie-pour-les-tests'] },
  };
  const provider = new Provider(listener.origin, configuration);
  const result: TestProvider = {
    issuer: listener.origin,
    clientId,
    clientSecret,
    accounts,
    close: listener.close,
  };
  // The token endpoint's answer, rewritten when a test asks the provider to misbehave.
  provider.use(async (ctx, next) => {
    await next();
    const body = ctx.body as { id_token?: string } | undefined;
    const tamper = result.tamperIdToken;
    if (ctx.path !== '/token' || !tamper || !body?.id_token) return;
    const [header, payload] = body.id_token
      .split('.')
      .slice(0, 2)
      .map((part) => JSON.parse(Buffer.from(part, 'base64url').toString()));
    const key = tamper.key === 'foreign' ? foreignKey : createPrivateKey({ key: jwk as never, format: 'jwk' });
    ctx.body = { ...body, id_token: signJwt(header, tamper.payload(payload), key) };
  });
  listener.handle(provider.callback());
  return result;
}
