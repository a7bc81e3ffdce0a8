import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findUserByEmail } from '../../../server/accounts/queries.ts';
import { BrowserClient } from '../../helpers/browser-client.ts';
import { addUser, signIn, testPassword } from '../../helpers/test-app.ts';
import { auditEntries } from './admin-app.ts';
import { isCallback, type SsoWorld, signInAtProvider, startSsoWorld } from './sso-world.ts';

const identities = async (world: SsoWorld) => {
  const rows = [];
  for await (const row of world.t.store.all('identities')) rows.push(row);
  return rows;
};

describe('single sign-on through a real OpenID provider', () => {
  let world: SsoWorld;
  beforeAll(async () => {
    world = await startSsoWorld();
  });
  afterAll(() => world.close());

  it('links the sign-in page to the provider', async () => {
    const page = await new BrowserClient().go(`${world.base}/login?next=/courses`);
    expect(page.text).toContain('href="/login/oidc?next=%2Fcourses"');
    expect(page.text).toContain('Se connecter avec le compte de ma structure');
    expect(page.text).toContain('action="/login"');
  });

  it('creates a learner account at the first sign-in, then finds it by subject', async () => {
    world.provider.accounts.set('alice', { email: 'Alice@Exemple.org', email_verified: true, name: 'Alice Martin' });
    const page = await signInAtProvider(new BrowserClient(), world, 'alice');
    expect(page.url.pathname).toBe('/me');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Alice Martin');
    const alice = await findUserByEmail(world.t.store, 'alice@exemple.org');
    expect(alice).toMatchObject({ role: 'learner', name: 'Alice Martin', passwordHash: null, active: true });
    expect((await auditEntries(world.t, 'user.created')).map((e) => e.target)).toContain(alice!.id);

    // Her address changes at the provider: the subject still names her, no second account.
    world.provider.accounts.set('alice', { email: 'alice.martin@exemple.org', email_verified: true, name: 'A. M.' });
    const again = await signInAtProvider(new BrowserClient(), world, 'alice');
    expect(again.text).toContain('Alice Martin');
    expect(await findUserByEmail(world.t.store, 'alice.martin@exemple.org')).toBeUndefined();
    expect((await identities(world)).filter((i) => i.userId === alice!.id)).toHaveLength(1);

    // Administrators see how she signs in.
    const admin = await signIn(world.t, await addUser(world.t, 'admin'));
    expect((await admin.get(`/admin/users/${alice!.id}`)).text).toContain('Connexion unique (compte de la structure)');
  });

  it('links an existing account with the same verified e-mail, which keeps its password and role', async () => {
    const trainer = await addUser(world.t, 'trainer', { email: 'bruno@exemple.org', name: 'Bruno Petit' });
    world.provider.accounts.set('bruno-sub', { email: 'bruno@exemple.org', email_verified: true, name: 'Bruno P.' });
    const page = await signInAtProvider(new BrowserClient(), world, 'bruno-sub');
    expect(page.text).toContain('Bruno Petit');
    expect((await identities(world)).find((i) => i.subject === 'bruno-sub')).toMatchObject({
      userId: trainer.id,
      issuer: world.provider.issuer,
    });
    expect(await findUserByEmail(world.t.store, 'bruno@exemple.org')).toMatchObject({
      id: trainer.id,
      role: 'trainer',
      passwordHash: trainer.passwordHash,
    });
  });

  it('refuses to link or create an account when the provider has not verified the e-mail', async () => {
    const existing = await addUser(world.t, 'admin', { email: 'chef@exemple.org' });
    world.provider.accounts.set('usurpateur', { email: 'chef@exemple.org', email_verified: false });
    const page = await signInAtProvider(new BrowserClient(), world, 'usurpateur');
    expect(page.url.pathname).toBe('/login/oidc/callback');
    expect(page.status).toBe(403);
    expect(page.text).toContain('n’a pas d’adresse e-mail vérifiée');
    expect(page.text).toContain('href="/login"');
    expect(page.text).not.toContain('Recommencer la connexion');
    expect((await identities(world)).some((i) => i.userId === existing.id || i.subject === 'usurpateur')).toBe(false);

    world.provider.accounts.set('sans-adresse', { name: 'Sans adresse' });
    const none = await signInAtProvider(new BrowserClient(), world, 'sans-adresse');
    expect(none.status).toBe(403);
    expect(none.text).toContain('n’a pas d’adresse e-mail vérifiée');
  });

  it('refuses a deactivated account, linked or not, with a French page and no session', async () => {
    const gone = await addUser(world.t, 'learner', { email: 'parti@exemple.org' });
    await world.t.store.transact((tx) => {
      tx.put('users', { ...gone, active: false });
    });
    world.provider.accounts.set('parti', { email: 'parti@exemple.org', email_verified: true });
    const browser = new BrowserClient();
    const page = await signInAtProvider(browser, world, 'parti');
    expect(page.status).toBe(403);
    expect(page.text).toContain('Votre compte Passerelle est désactivé');
    expect(browser.cookie('localhost', 'pas_session')).toBeUndefined();

    // Alice was linked earlier; deactivated since, she is refused too.
    const alice = await findUserByEmail(world.t.store, 'alice@exemple.org');
    await world.t.store.transact((tx) => {
      tx.put('users', { ...alice!, active: false });
    });
    const refused = await signInAtProvider(new BrowserClient(), world, 'alice');
    expect(refused.status).toBe(403);
    expect(refused.text).toContain('Votre compte Passerelle est désactivé');
    await world.t.store.transact((tx) => {
      tx.put('users', { ...alice!, active: true });
    });
  });

  it('refuses a tampered state, and the pending sign-in is then spent', async () => {
    world.provider.accounts.set('denise', { email: 'denise@exemple.org', email_verified: true });
    const browser = new BrowserClient();
    const stopped = await signInAtProvider(browser, world, 'denise', isCallback(world));
    const callback = stopped.location!;
    const tampered = new URL(callback);
    tampered.searchParams.set('state', `${callback.searchParams.get('state')}x`);
    const page = await browser.go(tampered);
    expect(page.status).toBe(403);
    expect(page.text).toContain('n’a pas pu être vérifiée');
    expect(page.text).toContain('href="/login/oidc"');
    expect(await findUserByEmail(world.t.store, 'denise@exemple.org')).toBeUndefined();
    // The genuine answer arriving afterwards is refused too: the attempt was used up.
    const late = await browser.go(callback);
    expect(late.status).toBe(403);
    expect(late.text).toContain('a expiré ou a déjà servi');
    expect(await findUserByEmail(world.t.store, 'denise@exemple.org')).toBeUndefined();
  });

  it('refuses a replayed callback, and a code already exchanged', async () => {
    world.provider.accounts.set('emile', { email: 'emile@exemple.org', email_verified: true });
    const browser = new BrowserClient();
    const stopped = await signInAtProvider(browser, world, 'emile', isCallback(world));
    const callback = stopped.location!;
    const first = await browser.go(callback);
    expect(first.url.pathname).toBe('/me');
    // The same answer again, from the same browser: nothing is pending any more.
    const replay = await browser.go(callback);
    expect(replay.status).toBe(403);
    expect(replay.text).toContain('a expiré ou a déjà servi');
    // Another browser starts its own sign-in and presents the spent code with its own fresh state.
    const thief = new BrowserClient();
    const toProvider = await thief.go(`${world.base}/login/oidc`, { stopBefore: () => true });
    const state = toProvider.location!.searchParams.get('state')!;
    const forged = new URL(callback);
    forged.searchParams.set('state', state);
    const page = await thief.go(forged);
    expect(page.status).toBe(403);
    expect(page.text).toContain('n’a pas pu être vérifiée');
    expect(thief.cookie('localhost', 'pas_session')).toBeUndefined();
  });

  it('refuses an ID token issued for another client (wrong audience)', async () => {
    world.provider.accounts.set('fanny', { email: 'fanny@exemple.org', email_verified: true });
    world.provider.tamperIdToken = { payload: (claims) => ({ ...claims, aud: 'une-autre-application' }) };
    try {
      const page = await signInAtProvider(new BrowserClient(), world, 'fanny');
      expect(page.status).toBe(403);
      expect(page.text).toContain('n’a pas pu être vérifiée');
    } finally {
      world.provider.tamperIdToken = undefined;
    }
    expect(await findUserByEmail(world.t.store, 'fanny@exemple.org')).toBeUndefined();
    // The same token re-signed untouched by the same hook gets in: the refusal was the audience.
    world.provider.tamperIdToken = { payload: (claims) => claims };
    try {
      expect((await signInAtProvider(new BrowserClient(), world, 'fanny')).url.pathname).toBe('/me');
    } finally {
      world.provider.tamperIdToken = undefined;
    }
  });

  it('refuses an ID token signed with a key the provider never published', async () => {
    world.provider.accounts.set('gael', { email: 'gael@exemple.org', email_verified: true });
    world.provider.tamperIdToken = { payload: (claims) => claims, key: 'foreign' };
    try {
      const page = await signInAtProvider(new BrowserClient(), world, 'gael');
      expect(page.status).toBe(403);
      expect(page.text).toContain('n’a pas pu être vérifiée');
    } finally {
      world.provider.tamperIdToken = undefined;
    }
    expect(await findUserByEmail(world.t.store, 'gael@exemple.org')).toBeUndefined();
  });

  it('shows a French page with a way back when consent is refused', async () => {
    const browser = new BrowserClient();
    const login = await browser.go(`${world.base}/login/oidc`);
    const abort = /href="([^"]*abort[^"]*)"/.exec(login.text)?.[1];
    expect(abort).toBeDefined();
    const page = await browser.go(new URL(abort!.replace(/&amp;/g, '&'), login.url));
    expect(page.url.pathname).toBe('/login/oidc/callback');
    expect(page.status).toBe(403);
    expect(page.text).toContain('La connexion a été annulée ou refusée');
    expect(page.text).toContain('href="/login"');
  });

  it('refuses a callback without the browser cookie of its sign-in', async () => {
    const page = await new BrowserClient().go(`${world.base}/login/oidc/callback?code=abc&state=def`);
    expect(page.status).toBe(403);
    expect(page.text).toContain('a expiré ou a déjà servi');
  });

  it('signs out of Passerelle and through the provider’s end-session page', async () => {
    world.provider.accounts.set('helene', { email: 'helene@exemple.org', email_verified: true });
    const browser = new BrowserClient();
    const me = await signInAtProvider(browser, world, 'helene');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(me.text)![1]!;
    const out = await browser.go(`${world.base}/logout`, { form: { _csrf: csrf }, stopBefore: () => true });
    expect(out.location!.origin).toBe(world.provider.issuer);
    expect(out.location!.searchParams.get('post_logout_redirect_uri')).toBe(`${world.base}/`);
    expect(out.location!.searchParams.get('client_id')).toBe(world.provider.clientId);
    // The browser follows a form's redirect only to origins its policy allows.
    const policy = (await fetch(`${world.base}/login`)).headers.get('content-security-policy');
    expect(policy).toContain(`form-action 'self' ${world.provider.issuer}`);
    expect(browser.cookie('localhost', 'pas_session')).toBeUndefined();
    // The provider asks for confirmation, then sends the person back to Passerelle's home page.
    const confirm = await browser.go(out.location!);
    const home = await browser.submit(confirm, { logout: 'yes' });
    expect(home.url.href).toBe(`${world.base}/`);
    const after = await browser.go(`${world.base}/me`, { stopBefore: () => true });
    expect(after.location!.pathname).toBe('/login');
  });

  it('signs a password session out without going to the provider', async () => {
    const person = await addUser(world.t, 'learner');
    const browser = new BrowserClient();
    const login = await browser.go(`${world.base}/login`);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(login.text)![1]!;
    const me = await browser.go(`${world.base}/login`, {
      form: { _csrf: csrf, email: person.email, password: testPassword, next: '/me' },
    });
    const out = await browser.go(`${world.base}/logout`, {
      form: { _csrf: /name="_csrf" value="([^"]+)"/.exec(me.text)![1]! },
      stopBefore: () => true,
    });
    expect(out.location!.href).toBe(`${world.base}/`);
  });
});
