// Two Passerelle instances on one PostgreSQL database behind one address: a sign-in started on one
// instance may come back to the other, and a password checked by one may be followed by its second
// factor on the other. Nothing of a sign-in in progress lives in a process's memory.
import { generateSync } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findUserByEmail } from '../../../server/accounts/queries.ts';
import { BrowserClient } from '../../helpers/browser-client.ts';
import { listenOnFreePort } from '../../helpers/oidc-provider.ts';
import { addUser, createTestApp, type TestApp, testPassword } from '../../helpers/test-app.ts';
import { createTestDatabase, skipWithoutDatabase, type TestDatabase } from '../../helpers/test-database.ts';
import { isCallback, type SsoWorld, signInAtProvider, startSsoWorld } from './sso-world.ts';

const csrf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)![1]!;

describe.skipIf(skipWithoutDatabase)('single sign-on and second factor across two instances (PostgreSQL)', () => {
  let db: TestDatabase;
  let world: SsoWorld;
  let other: TestApp;
  let otherOrigin: string;
  let closeOther: () => Promise<void>;
  beforeAll(async () => {
    db = await createTestDatabase();
    const started = await startSsoWorld({}, { databaseUrl: db.url });
    world = started;
    const server = await listenOnFreePort('localhost');
    other = await createTestApp({
      config: { ...started.config, mfaRequiredRoles: ['hr'] },
      start: new Date(),
      databaseUrl: db.url,
    });
    server.handle(other.app);
    otherOrigin = server.origin;
    closeOther = server.close;
  });
  afterAll(async () => {
    await closeOther?.();
    await other?.close();
    await world?.close();
    await db?.drop();
  });

  it('finishes on one instance a sign-in started on the other', async () => {
    world.provider.accounts.set('nour', { email: 'nour@exemple.org', email_verified: true, name: 'Nour Haddad' });
    const browser = new BrowserClient();
    const stopped = await signInAtProvider(browser, world, 'nour', isCallback(world));
    const callback = new URL(stopped.location!.pathname + stopped.location!.search, otherOrigin);
    const page = await browser.go(callback);
    expect(page.url.origin).toBe(otherOrigin);
    expect(page.url.pathname).toBe('/me');
    expect(page.text).toContain('Nour Haddad');
    expect(await findUserByEmail(world.t.store, 'nour@exemple.org')).toMatchObject({ role: 'learner' });
  });

  it('asks on one instance the second factor of a password checked by the other', async () => {
    const hr = await addUser(other, 'hr');
    const browser = new BrowserClient();
    const login = await browser.go(`${otherOrigin}/login`);
    const step = await browser.go(`${otherOrigin}/login`, {
      form: { _csrf: csrf(login.text), email: hr.email, password: testPassword, next: '/me' },
    });
    expect(step.url.pathname).toBe('/login/enrol');
    const secret = /<code class="secret">([A-Z2-7 ]+)<\/code>/.exec(step.text)![1]!.replace(/ /g, '');
    // The same browser, sent to the other instance by the load balancer.
    const code = generateSync({ secret, epoch: Math.floor(other.now().getTime() / 1000) });
    const done = await browser.go(`${world.base}/login/enrol`, { form: { _csrf: csrf(step.text), code } });
    expect(done.status).toBe(200);
    expect(done.text).toContain('Vos codes de secours');
  });
});
