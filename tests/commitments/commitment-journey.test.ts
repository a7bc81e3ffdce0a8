import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../server/accounts/schema.ts';
import { addUser, createTestApp, csrfOf, signIn, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let learner: Readonly<User>;
let agent: Awaited<ReturnType<typeof signIn>>;
const day = 24 * 3600_000;

beforeAll(async () => {
  t = await createTestApp(); // no e-mail configured; Monday 23 November 2026
  learner = await addUser(t, 'learner', { name: 'Inès', email: 'ines@exemple.org' });
  agent = await signIn(t, learner);
});
afterAll(() => t.close());

async function save(fields: Record<string, string | string[]>) {
  const form = await agent.get('/me/engagements/demo').expect(200);
  return agent
    .post('/me/engagements/demo')
    .type('form')
    .send({ _csrf: csrfOf(form.text), ...fields });
}

function expectStatus(res: request.Response, status: number): request.Response {
  expect(res.status).toBe(status);
  return res;
}

/** Sessions end after some idle days: moving the clock by weeks means signing in again. */
async function later(ms: number) {
  t.advance(ms);
  agent = await signIn(t, learner);
}

describe('the personal commitment at the end of a course', () => {
  it('is offered at the end of the last module only', async () => {
    const last = await agent.get('/courses/demo/evaluation').expect(200);
    expect(last.text).toContain('href="/me/engagements/demo">Noter ce que je vais essayer cette semaine</a>');
    const first = await agent.get('/courses/demo/premier').expect(200);
    expect(first.text).not.toContain('/me/engagements/');
  });

  it('is a form with its CSRF token, a limited text and a reminder that says where it will show without e-mail', async () => {
    const res = await agent.get('/me/engagements/demo').expect(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.text).toContain('<label for="text">Ce que je vais essayer cette semaine</label>');
    expect(res.text).toContain('maxlength="500"');
    expect(res.text).toContain('name="_csrf"');
    expect(res.text).toContain('<label for="remind">Me le rappeler dans 30 jours</label>');
    expect(res.text).toContain(
      'le rappel s’affichera sur la page d’accueil de Passerelle à partir du 23 décembre 2026',
    );
    expect(res.text).toContain('ni les RH, ni les formateurs, ni l’administration de Passerelle ne le voient');
  });

  it('refuses a form without its CSRF token', async () => {
    await agent.post('/me/engagements/demo').type('form').send({ text: 'Sans jeton' }).expect(403);
    expect(await t.store.count('commitments')).toBe(0);
  });

  it('refuses a text over 500 characters with a French message, keeping what was typed', async () => {
    const typed = `Essayer ${'très '.repeat(100)}longtemps`;
    const res = expectStatus(await save({ text: typed, remind: 'on' }), 400);
    expect(res.text).toContain('Le texte est trop long : 500 caractères au plus (vous en avez écrit 517).');
    expect(res.text).toContain(`>${typed}</textarea>`);
    expect(res.text).toContain('aria-invalid="true"');
    expect(res.text).toMatch(/id="remind" name="remind" value="on" aria-describedby="remind-hint" checked/);
    expect(await t.store.count('commitments')).toBe(0);
  });

  it('answers a malformed field with the form again, never a server error', async () => {
    const res = expectStatus(await save({ text: ['deux', 'valeurs'], remind: 'oui' }), 400);
    expect(res.text).toContain('Ce champ n’a pas été reçu correctement');
    expect(await t.store.count('commitments')).toBe(0);
  });

  it('is saved, escaped, shown and editable in « Mon parcours », with the reminder date kept when edited', async () => {
    const text = '<script>alert(1)</script> Commencer par « Qu’utilisez-vous déjà ? »';
    const saved = expectStatus(await save({ text, remind: 'on' }), 303);
    expect(saved.headers.location).toBe('/me/engagements/demo?done=saved');
    const page = await agent.get(String(saved.headers.location)).expect(200);
    expect(page.text).toContain('C’est enregistré.');
    expect(page.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Commencer');
    expect(page.text).not.toContain('<script>alert(1)');

    const me = await agent.get('/me').expect(200);
    expect(me.headers['cache-control']).toBe('no-store');
    expect(me.text).toContain('Ce que j’ai prévu d’essayer');
    expect(me.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Commencer par « Qu’utilisez-vous déjà ? »');
    expect(me.text).toContain('Rappel prévu le 23 décembre 2026.');
    expect(me.text).toContain('href="/me/engagements/demo">Modifier « Cours de démonstration »</a>');

    await later(3 * day);
    expectStatus(await save({ text: 'Afficher la fiche à l’accueil', remind: 'on' }), 303);
    const [row] = await t.store.findBy('commitments', 'userId', learner.id);
    expect(row).toMatchObject({ text: 'Afficher la fiche à l’accueil', remindAt: '2026-12-23T09:00:00.000Z' });
    expect((await agent.get('/me')).text).toContain('Rappel prévu le 23 décembre 2026.');
  });

  it('shows on the home page once due, for two weeks, to its author only', async () => {
    expect((await agent.get('/').expect(200)).text).not.toContain('Afficher la fiche à l’accueil');
    await later(27 * day); // 30 days after the reminder was asked for
    const home = await agent.get('/').expect(200);
    expect(home.text).toContain('Il y a un mois, vous aviez noté ce que vous alliez essayer');
    expect(home.text).toContain('Afficher la fiche à l’accueil');
    expect(home.headers['cache-control']).toBe('no-store');
    const someoneElse = await signIn(t, await addUser(t, 'learner'));
    expect((await someoneElse.get('/').expect(200)).text).not.toContain('Afficher la fiche');
    expect((await request(t.app).get('/').expect(200)).text).not.toContain('Afficher la fiche');
    await someoneElse
      .get('/me/engagements/demo')
      .expect(200)
      .expect((res) => {
        expect(res.text).not.toContain('Afficher la fiche');
      });
    await later(15 * day);
    expect((await agent.get('/').expect(200)).text).not.toContain('Afficher la fiche à l’accueil');
  });

  it('is erased by saving an empty text', async () => {
    const res = expectStatus(await save({ text: '   ' }), 303);
    expect(res.headers.location).toBe('/me/engagements/demo?done=deleted');
    expect(await t.store.count('commitments')).toBe(0);
    expect((await agent.get('/me')).text).not.toContain('Ce que j’ai prévu d’essayer');
  });

  it('needs a signed-in learner and a known course', async () => {
    const visitor = await request(t.app).get('/me/engagements/demo').expect(303);
    expect(visitor.headers.location).toBe('/login?next=%2Fme%2Fengagements%2Fdemo');
    await agent.get('/me/engagements/absent').expect(404);
  });
});
