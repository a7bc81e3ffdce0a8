// Passerelle and a real OpenID provider, each on its own free port (Passerelle on `localhost`, the provider
// on `127.0.0.1`: two hosts, two cookie jars, as in a browser), configured through the environment.
import { expect } from 'vitest';
import { type Config, loadConfig } from '../../../server/config.ts';
import type { BrowserClient, Page } from '../../helpers/browser-client.ts';
import { listenOnFreePort, startTestProvider, type TestProvider } from '../../helpers/oidc-provider.ts';
import { createTestApp, type TestApp } from '../../helpers/test-app.ts';

export interface SsoWorld {
  t: TestApp;
  provider: TestProvider;
  /** Passerelle's address (BASE_URL). */
  base: string;
  close(): Promise<void>;
}

export async function startSsoWorld(
  env: Record<string, string> = {},
  options: { idTokenTtl?: number; databaseUrl?: string } = {},
): Promise<SsoWorld & { config: Omit<Config, 'dataDir'> }> {
  const appServer = await listenOnFreePort('localhost');
  const provider = await startTestProvider({ appOrigin: appServer.origin, ...options });
  const { dataDir: _default, ...config } = loadConfig({
    NODE_ENV: 'test',
    LOG_REQUESTS: 'false',
    BASE_URL: appServer.origin,
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: provider.clientId,
    OIDC_CLIENT_SECRET: provider.clientSecret,
    // Administrators of these tests sign in with a password alone (the second factor has its own suite).
    MFA_REQUIRED_ROLES: 'none',
    ...env,
  });
  const t = await createTestApp({ config, start: new Date(), databaseUrl: options.databaseUrl });
  appServer.handle(t.app);
  return {
    t,
    config,
    provider,
    base: appServer.origin,
    close: async () => {
      await appServer.close();
      await provider.close();
      await t.close();
    },
  };
}

/** From Passerelle's button to the provider's login and consent pages, and back; stops where asked. */
export async function signInAtProvider(
  browser: BrowserClient,
  world: SsoWorld,
  login: string,
  stopBefore?: (next: URL) => boolean,
): Promise<Page> {
  const loginPage = await browser.go(`${world.base}/login/oidc`);
  expect(loginPage.url.origin).toBe(world.provider.issuer);
  const consent = await browser.submit(loginPage, { login, password: 'peu importe' });
  expect(consent.url.origin).toBe(world.provider.issuer);
  const form = /<form\b[^>]*action="([^"]*)"/.exec(consent.text)?.[1];
  if (!form) throw new Error(`no consent form:\n${consent.text}`);
  return browser.go(new URL(form.replace(/&amp;/g, '&'), consent.url), {
    form: { prompt: 'consent' },
    stopBefore,
  });
}

export const isCallback = (world: SsoWorld) => (next: URL) =>
  next.origin === world.base && next.pathname === '/login/oidc/callback';
