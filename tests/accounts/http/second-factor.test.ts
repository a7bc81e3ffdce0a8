import { generateSync } from 'otplib';
import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { User } from '../../../server/accounts/schema.ts';
import { loadConfig } from '../../../server/config.ts';
import { grantRole } from '../../../server/structures/use-cases/grant-role.ts';
import { addStructures, addUser, createTestApp, csrfOf, type TestApp, testPassword } from '../../helpers/test-app.ts';
import { auditEntries } from './admin-app.ts';

type Agent = ReturnType<typeof request.agent>;

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp({ config: { mfaRequiredRoles: ['hr', 'admin'] }, start: new Date('2026-11-23T09:00:10Z') });
});
afterEach(() => t.close());

const codeAt = (secret: string, at: Date) => generateSync({ secret, epoch: Math.floor(at.getTime() / 1000) });
const step = () => t.advance(30_000);

/** Email and password on the sign-in page; the response (a redirect to the next step, or the session). */
async function password(agent: Agent, user: { email: string }) {
  const page = await agent.get('/login');
  return agent
    .post('/login')
    .type('form')
    .send({ _csrf: csrfOf(page.text), email: user.email, password: testPassword, next: '/me' });
}

async function post(agent: Agent, path: string, fields: Record<string, string>) {
  const page = await agent.get(path);
  return agent
    .post(path)
    .type('form')
    .send({ _csrf: csrfOf(page.text), ...fields });
}

/** The key shown on the setup page, without its spaces. */
const shownSecret = (html: string) => /<code class="secret">([A-Z2-7 ]+)<\/code>/.exec(html)![1]!.replace(/ /g, '');
const shownRecoveryCodes = (html: string) =>
  [...html.matchAll(/<li><code>([a-z0-9-]+)<\/code><\/li>/g)].map((m) => m[1]!);

/** A privileged person's first sign-in: password, setup with a first code; the signed-in agent, key and codes. */
async function enrolAtFirstSignIn(user: Readonly<User>) {
  const agent = request.agent(t.app);
  const res = await password(agent, user);
  expect(res.status).toBe(303);
  expect(res.headers.location).toBe('/login/enrol');
  const setup = await agent.get('/login/enrol');
  const secret = shownSecret(setup.text);
  const done = await post(agent, '/login/enrol', { code: codeAt(secret, t.now()) });
  expect(done.status).toBe(200);
  return { agent, secret, recoveryCodes: shownRecoveryCodes(done.text) };
}

describe('second factor required for HR and admin accounts signing in with a password', () => {
  it('sets it up at the first sign-in: QR code, key in text, a first code, ten recovery codes shown once', async () => {
    const hr = await addUser(t, 'hr');
    const agent = request.agent(t.app);
    const res = await password(agent, hr);
    expect(res.headers.location).toBe('/login/enrol');
    // No session yet: the HR pages are still out of reach.
    expect((await agent.get('/hr')).status).toBe(303);

    const setup = await agent.get('/login/enrol');
    expect(setup.status).toBe(200);
    expect(setup.text).toMatch(/<svg [^>]*role="img" aria-label="QR code à scanner/);
    const secret = shownSecret(setup.text);
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);

    const wrong = await post(agent, '/login/enrol', { code: '000000' });
    expect(wrong.status).toBe(401);
    expect(wrong.text).toContain('Code incorrect, expiré ou déjà utilisé');
    expect(shownSecret(wrong.text)).toBe(secret);

    const done = await post(agent, '/login/enrol', { code: codeAt(secret, t.now()) });
    expect(done.status).toBe(200);
    expect(done.headers['cache-control']).toContain('no-store');
    const codes = shownRecoveryCodes(done.text);
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    expect(done.text).toContain('href="/me"');
    expect((await agent.get('/hr')).status).toBe(200);

    const factor = await t.store.get('secondFactors', hr.id);
    expect(factor).toMatchObject({ secret, pendingSecret: null });
    expect(factor!.recoveryCodes).toHaveLength(10);
    expect(JSON.stringify(factor)).not.toContain(codes[0]);
    expect(await auditEntries(t, 'user.second_factor_enabled')).toHaveLength(1);
  });

  it('asks the code at every sign-in, refuses a wrong code and a code already used', async () => {
    const admin = await addUser(t, 'admin');
    const { secret } = await enrolAtFirstSignIn(admin);
    const enrolCode = codeAt(secret, t.now());

    const agent = request.agent(t.app);
    expect((await password(agent, admin)).headers.location).toBe('/login/code');
    const page = await agent.get('/login/code');
    expect(page.text).toContain('autocomplete="one-time-code"');

    const wrong = await post(agent, '/login/code', { code: '123456' === enrolCode ? '654321' : '123456' });
    expect(wrong.status).toBe(401);
    expect(wrong.text).toContain('Code incorrect, expiré ou déjà utilisé');
    // The code that confirmed the setup, in the same 30 seconds: already used.
    const reused = await post(agent, '/login/code', { code: enrolCode });
    expect(reused.status).toBe(401);
    expect((await agent.get('/admin/users')).status).toBe(303);

    step();
    const ok = await post(agent, '/login/code', { code: codeAt(secret, t.now()) });
    expect(ok.status).toBe(303);
    expect(ok.headers.location).toBe('/me');
    expect((await agent.get('/admin/users')).status).toBe(200);
    expect((await auditEntries(t, 'user.second_factor_failed')).length).toBe(2);
    expect((await auditEntries(t, 'user.second_factor_passed')).length).toBe(1);

    // Accepted once: a second browser cannot sign in with that same code.
    const other = request.agent(t.app);
    await password(other, admin);
    expect((await post(other, '/login/code', { code: codeAt(secret, t.now()) })).status).toBe(401);
  });

  it('accepts each recovery code once, in any case and with or without its dash', async () => {
    const hr = await addUser(t, 'hr');
    const { recoveryCodes } = await enrolAtFirstSignIn(hr);
    const [first, second] = recoveryCodes as [string, string];

    const agent = request.agent(t.app);
    await password(agent, hr);
    const ok = await post(agent, '/login/code', { code: first.toUpperCase().replace('-', ' ') });
    expect(ok.status).toBe(303);

    const again = request.agent(t.app);
    await password(again, hr);
    expect((await post(again, '/login/code', { code: first })).status).toBe(401);
    expect((await post(again, '/login/code', { code: second })).status).toBe(303);
    expect((await t.store.get('secondFactors', hr.id))!.recoveryCodes).toHaveLength(8);
    const account = await again.get('/account/second-factor');
    expect(account.text).toContain('Codes de secours restants : 8 sur 10.');
  });

  it('throttles wrong codes like passwords: after five, even the right code waits', async () => {
    const hr = await addUser(t, 'hr');
    const { secret } = await enrolAtFirstSignIn(hr);
    step();
    const agent = request.agent(t.app);
    await password(agent, hr);
    for (let i = 0; i < 5; i += 1) expect((await post(agent, '/login/code', { code: '000000' })).status).toBe(401);
    const refused = await post(agent, '/login/code', { code: codeAt(secret, t.now()) });
    expect(refused.status).toBe(429);
    expect(refused.text).toContain('Trop d’essais pour ce compte');
    t.advance(16_000);
    expect((await post(agent, '/login/code', { code: codeAt(secret, t.now()) })).status).toBe(303);
  });

  it('remembers a device for 30 days when asked, for that person only', async () => {
    const hr = await addUser(t, 'hr');
    const { secret } = await enrolAtFirstSignIn(hr);
    step();
    const agent = request.agent(t.app);
    await password(agent, hr);
    const ok = await post(agent, '/login/code', { code: codeAt(secret, t.now()), remember: 'yes' });
    expect(String(ok.headers['set-cookie'])).toMatch(/pas_device=[\w-]+;.*HttpOnly/);
    const csrf = csrfOf((await agent.get('/me')).text);
    await agent.post('/logout').type('form').send({ _csrf: csrf });

    expect((await password(agent, hr)).headers.location).toBe('/me');
    await agent
      .post('/logout')
      .type('form')
      .send({ _csrf: csrfOf((await agent.get('/me')).text) });
    // Another privileged person on the same browser is asked their own second factor.
    const colleague = await addUser(t, 'admin');
    expect((await password(agent, colleague)).headers.location).toBe('/login/enrol');

    t.advance(31 * 24 * 60 * 60_000);
    expect((await password(agent, hr)).headers.location).toBe('/login/code');
  });

  it('sends the step back to the sign-in page when it expired or was never started', async () => {
    const hr = await addUser(t, 'hr');
    const { secret } = await enrolAtFirstSignIn(hr);
    const fresh = request.agent(t.app);
    expect((await fresh.get('/login/code')).headers.location).toBe('/login');
    expect((await fresh.get('/login/enrol')).headers.location).toBe('/login');
    const agent = request.agent(t.app);
    await password(agent, hr);
    const csrf = csrfOf((await agent.get('/login/code')).text);
    t.advance(11 * 60_000);
    const late = await agent
      .post('/login/code')
      .type('form')
      .send({ _csrf: csrf, code: codeAt(secret, t.now()) });
    expect(late.status).toBe(303);
    expect(late.headers.location).toBe('/login');
  });

  it('is asked after a password chosen from a reset link too', async () => {
    const hr = await addUser(t, 'hr');
    await enrolAtFirstSignIn(hr);
    const admin = await addUser(t, 'admin');
    const { agent: adminAgent } = await enrolAtFirstSignIn(admin);
    const page = await adminAgent.get(`/admin/users/${hr.id}`);
    const issued = await adminAgent
      .post(`/admin/users/${hr.id}/reset-link`)
      .type('form')
      .send({ _csrf: csrfOf(page.text) });
    const path = /\/reset\/[\w-]+/.exec(issued.text)![0];
    const holder = request.agent(t.app);
    const res = await post(holder, path, {
      password: 'une toute nouvelle phrase secrète',
      confirm: 'une toute nouvelle phrase secrète',
    });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/login/code');
  });

  it('is required of an account whose hr role is granted on one structure, and its sign-ins are audited', async () => {
    await addStructures(t, [['bzh', 'Fédération Bretagne']]);
    const granted = await addUser(t, 'learner', { structure: 'bzh' });
    await grantRole(t.store, { userId: granted.id, role: 'hr', structure: 'bzh' }, null, t.now());
    await enrolAtFirstSignIn(granted);
    const signIns = (await auditEntries(t, 'user.signed_in')).filter((entry) => entry.target === granted.id);
    expect(signIns).toHaveLength(1);
  });
});

describe('second factor offered to everyone else', () => {
  it('a learner signs in with a password alone, and may set one up from the account page', async () => {
    const learner = await addUser(t, 'learner');
    const agent = request.agent(t.app);
    expect((await password(agent, learner)).headers.location).toBe('/me');
    const account = await agent.get('/account/second-factor');
    expect(account.text).toContain('Non activée');
    const page = await agent.get('/account/second-factor');
    const started = await agent
      .post('/account/second-factor/start')
      .type('form')
      .send({ _csrf: csrfOf(page.text) });
    expect(started.headers.location).toBe('/account/second-factor/enrol');
    const setup = await agent.get('/account/second-factor/enrol');
    expect(setup.text).toContain('un code à usage unique sera demandé');
    const secret = shownSecret(setup.text);
    const done = await post(agent, '/account/second-factor/enrol', { code: codeAt(secret, t.now()) });
    expect(shownRecoveryCodes(done.text)).toHaveLength(10);

    const next = request.agent(t.app);
    expect((await password(next, learner)).headers.location).toBe('/login/code');
  });

  it('keeps the old phone working until the new one is proven', async () => {
    const hr = await addUser(t, 'hr');
    const { agent, secret } = await enrolAtFirstSignIn(hr);
    const page = await agent.get('/account/second-factor');
    expect(page.text).toContain('Changer de téléphone');
    await agent
      .post('/account/second-factor/start')
      .type('form')
      .send({ _csrf: csrfOf(page.text) });
    const newSecret = shownSecret((await agent.get('/account/second-factor/enrol')).text);
    expect(newSecret).not.toBe(secret);
    step();
    const other = request.agent(t.app);
    await password(other, hr);
    expect((await post(other, '/login/code', { code: codeAt(secret, t.now()) })).status).toBe(303);
    step();
    await post(agent, '/account/second-factor/enrol', { code: codeAt(newSecret, t.now()) });
    step();
    const third = request.agent(t.app);
    await password(third, hr);
    expect((await post(third, '/login/code', { code: codeAt(secret, t.now()) })).status).toBe(401);
    expect((await post(third, '/login/code', { code: codeAt(newSecret, t.now()) })).status).toBe(303);
  });
});

describe('an administrator resets another person’s second factor', () => {
  it('removes it and the remembered devices, recorded in the audit trail; a new one is set up at the next sign-in', async () => {
    const hr = await addUser(t, 'hr');
    const { secret } = await enrolAtFirstSignIn(hr);
    step();
    const device = request.agent(t.app);
    await password(device, hr);
    await post(device, '/login/code', { code: codeAt(secret, t.now()), remember: 'yes' });

    const admin = await addUser(t, 'admin');
    const { agent } = await enrolAtFirstSignIn(admin);
    const page = await agent.get(`/admin/users/${hr.id}`);
    expect(page.text).toContain('Double authentification');
    expect(page.text).toContain('Activée depuis le');
    const reset = await agent
      .post(`/admin/users/${hr.id}/second-factor/reset`)
      .type('form')
      .send({ _csrf: csrfOf(page.text) });
    expect(reset.headers.location).toBe(`/admin/users/${hr.id}?done=second-factor-reset`);
    expect((await agent.get(reset.headers.location!)).text).toContain(
      'La double authentification a été réinitialisée.',
    );
    expect(await auditEntries(t, 'user.second_factor_reset')).toMatchObject([
      { actorId: admin.id, target: hr.id, details: { hadSecondFactor: true } },
    ]);
    expect(await t.store.get('secondFactors', hr.id)).toBeUndefined();
    expect(await t.store.findBy('rememberedDevices', 'userId', hr.id)).toEqual([]);
    const csrf = csrfOf((await device.get('/me')).text);
    await device.post('/logout').type('form').send({ _csrf: csrf });
    expect((await password(device, hr)).headers.location).toBe('/login/enrol');
  });

  it('is for administrators only', async () => {
    const hr = await addUser(t, 'hr');
    const { agent } = await enrolAtFirstSignIn(hr);
    const page = await agent.get('/me');
    const res = await agent
      .post(`/admin/users/${hr.id}/second-factor/reset`)
      .type('form')
      .send({ _csrf: csrfOf(page.text) });
    expect(res.status).toBe(403);
    expect(await t.store.get('secondFactors', hr.id)).toBeDefined();
  });
});

describe('MFA_REQUIRED_ROLES', () => {
  it('defaults to hr and admin; none requires it of nobody', () => {
    expect(loadConfig({}).mfaRequiredRoles).toEqual(['hr', 'admin']);
    expect(loadConfig({ MFA_REQUIRED_ROLES: 'trainer,hr,admin' }).mfaRequiredRoles).toEqual(['trainer', 'hr', 'admin']);
    expect(loadConfig({ MFA_REQUIRED_ROLES: 'none' }).mfaRequiredRoles).toEqual([]);
    expect(() => loadConfig({ MFA_REQUIRED_ROLES: 'rh' })).toThrow(/MFA_REQUIRED_ROLES/);
  });
});
