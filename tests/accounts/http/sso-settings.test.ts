import { createHmac } from 'node:crypto';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findUserByEmail } from '../../../server/accounts/queries.ts';
import { loadConfig } from '../../../server/config.ts';
import { addStructure } from '../../../server/structures/use-cases/add-structure.ts';
import { BrowserClient } from '../../helpers/browser-client.ts';
import { listenOnFreePort } from '../../helpers/oidc-provider.ts';
import { addUser, createTestApp, type TestApp, testPassword } from '../../helpers/test-app.ts';
import { auditEntries } from './admin-app.ts';
import { isCallback, type SsoWorld, signInAtProvider, startSsoWorld } from './sso-world.ts';

describe('claim mapping: role from groups, structure and name from configured claims', () => {
  let world: SsoWorld;
  beforeAll(async () => {
    world = await startSsoWorld({
      OIDC_SCOPES: 'openid email profile groups structure',
      OIDC_ROLE_CLAIM: 'groups',
      OIDC_ROLE_MAP: 'hr=passerelle-rh,admin=passerelle-admins,trainer=formateurs',
      OIDC_STRUCTURE_CLAIM: 'structure',
      OIDC_DEFAULT_STRUCTURE: 'centres-sociaux',
    });
    for (const [code, name] of [
      ['centres-sociaux', 'Réseau des centres sociaux'],
      ['centre-social-est', 'Centre social Est'],
    ] as const)
      await addStructure(world.t.store, { code, name, parent: 'reseau' }, null, new Date());
  });
  afterAll(() => world.close());

  it('creates an HR account from the groups claim, with its structure', async () => {
    world.provider.accounts.set('rh1', {
      email: 'rh@exemple.org',
      email_verified: true,
      given_name: 'Inès',
      family_name: 'Roux',
      groups: ['tout-le-monde', 'passerelle-rh', 'formateurs'],
      structure: 'Centre-Social-Est',
    });
    const page = await signInAtProvider(new BrowserClient(), world, 'rh1');
    expect(page.url.pathname).toBe('/me');
    expect(await findUserByEmail(world.t.store, 'rh@exemple.org')).toMatchObject({
      role: 'hr',
      name: 'Inès Roux',
      structure: 'centre-social-est',
    });
  });

  it('follows the provider when the groups change, and records it', async () => {
    world.provider.accounts.set('rh2', { email: 'rh2@exemple.org', email_verified: true, groups: ['passerelle-rh'] });
    await signInAtProvider(new BrowserClient(), world, 'rh2');
    world.provider.accounts.set('rh2', { email: 'rh2@exemple.org', email_verified: true, groups: [] });
    await signInAtProvider(new BrowserClient(), world, 'rh2');
    const person = await findUserByEmail(world.t.store, 'rh2@exemple.org');
    expect(person).toMatchObject({ role: 'learner', structure: 'centres-sociaux' });
    const changes = (await auditEntries(world.t, 'user.role_changed')).filter((e) => e.target === person!.id);
    expect(changes.map((e) => e.details)).toEqual([{ from: 'hr', to: 'learner', via: 'oidc' }]);
  });

  it('moves the account when the structure claim names another structure, and ignores a code that names none', async () => {
    world.provider.accounts.set('mv', {
      email: 'mv@exemple.org',
      email_verified: true,
      structure: 'centre-social-est',
    });
    await signInAtProvider(new BrowserClient(), world, 'mv');
    world.provider.accounts.set('mv', { email: 'mv@exemple.org', email_verified: true, structure: 'centres-sociaux' });
    await signInAtProvider(new BrowserClient(), world, 'mv');
    expect((await findUserByEmail(world.t.store, 'mv@exemple.org'))?.structure).toBe('centres-sociaux');
    world.provider.accounts.set('mv', { email: 'mv@exemple.org', email_verified: true, structure: 'nulle-part' });
    await signInAtProvider(new BrowserClient(), world, 'mv');
    expect((await findUserByEmail(world.t.store, 'mv@exemple.org'))?.structure).toBe('centres-sociaux');
  });

  it('never takes the role away from the last active administrator', async () => {
    const admin = await addUser(world.t, 'admin', { email: 'seul-admin@exemple.org' });
    world.provider.accounts.set('admin1', { email: 'seul-admin@exemple.org', email_verified: true, groups: [] });
    const page = await signInAtProvider(new BrowserClient(), world, 'admin1');
    expect(page.url.pathname).toBe('/me');
    expect((await findUserByEmail(world.t.store, admin.email))?.role).toBe('admin');
  });
});

describe('expired ID token', () => {
  let world: SsoWorld;
  beforeAll(async () => {
    // The provider issues ID tokens valid for one minute; the app's clock moves five minutes on.
    world = await startSsoWorld({}, { idTokenTtl: 60 });
  });
  afterAll(() => world.close());

  it('is accepted while it is valid (the app clock a little ahead)', async () => {
    world.provider.accounts.set('vif', { email: 'vif@exemple.org', email_verified: true });
    const browser = new BrowserClient();
    const stopped = await signInAtProvider(browser, world, 'vif', isCallback(world));
    world.t.advance(20_000);
    expect((await browser.go(stopped.location!)).url.pathname).toBe('/me');
  });

  it('is refused even though the sign-in itself is still pending', async () => {
    world.provider.accounts.set('lent', { email: 'lent@exemple.org', email_verified: true });
    const browser = new BrowserClient();
    const stopped = await signInAtProvider(browser, world, 'lent', isCallback(world));
    world.t.advance(5 * 60_000);
    const page = await browser.go(stopped.location!);
    expect(page.status).toBe(403);
    expect(page.text).toContain('n’a pas pu être vérifiée');
    expect(await findUserByEmail(world.t.store, 'lent@exemple.org')).toBeUndefined();
  });
});

describe('provider unreachable', () => {
  let t: TestApp;
  beforeAll(async () => {
    const closed = await listenOnFreePort();
    await closed.close();
    const { dataDir: _, ...config } = loadConfig({
      NODE_ENV: 'test',
      LOG_REQUESTS: 'false',
      OIDC_ISSUER: closed.origin,
      OIDC_CLIENT_ID: 'passerelle',
      OIDC_CLIENT_SECRET: 'secret',
      PASSWORD_LOGIN: 'false',
    });
    t = await createTestApp({ config });
  });
  afterAll(() => t.close());

  it('shows a French page with a way to retry and a way back, not a redirect', async () => {
    const res = await request(t.app).get('/login/oidc');
    expect(res.status).toBe(503);
    expect(res.text).toContain('ne répond pas pour le moment');
    expect(res.text).toContain('href="/login/oidc"');
    expect(res.text).toContain('href="/login"');
    expect(res.headers.location).toBeUndefined();
  });

  it('with PASSWORD_LOGIN=false, the sign-in page offers only the provider, and refuses passwords', async () => {
    const person = await addUser(t, 'learner');
    const agent = request.agent(t.app);
    const page = await agent.get('/login');
    expect(page.status).toBe(200);
    expect(page.text).toContain('href="/login/oidc?next=%2Fme"');
    expect(page.text).not.toContain('type="password"');
    // No form on the page, so the token a form would carry is computed (an HMAC of the anonymous cookie).
    const binding = 'une-liaison-anonyme-de-test';
    const _csrf = createHmac('sha256', 'test-secret').update(binding).digest('base64url');
    const res = await request(t.app)
      .post('/login')
      .set('cookie', `pas_csrf=${binding}`)
      .type('form')
      .send({ _csrf, email: person.email, password: testPassword });
    expect(res.status).toBe(403);
    expect(res.text).toContain('La connexion par mot de passe est désactivée');
    expect(String(res.headers['set-cookie'] ?? '')).not.toContain('pas_session');
  });
});

describe('without single sign-on', () => {
  it('the sign-in page has no provider button, and /login/oidc is not found', async () => {
    const t = await createTestApp();
    try {
      const page = await request(t.app).get('/login');
      expect(page.text).not.toContain('/login/oidc');
      expect(page.text).toContain('type="password"');
      const res = await request(t.app).get('/login/oidc');
      expect(res.status).toBe(404);
      expect(res.text).toContain('La connexion unique n’est pas configurée');
    } finally {
      await t.close();
    }
  });
});
