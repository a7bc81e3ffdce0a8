import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { studioPaths } from '../../../server/studio/studio-paths.ts';
import { storeTreeSync } from '../../../server/studio/tree-sync/course-tree-sync.ts';
import { addUser, createTestApp, csrfOf, signIn, type TestApp } from '../../helpers/test-app.ts';
import { testConfig } from '../../helpers/test-config.ts';
import {
  createTestDatabase,
  databaseUrl,
  skipWithoutDatabase,
  type TestDatabase,
} from '../../helpers/test-database.ts';
import { filesHolding, tablesHolding } from '../data-traces.ts';
import { fillPerson, queuedMail, type SeededPerson, seedPerson } from '../seed-person.ts';

const aliceId = { name: 'Alice Fontanelle', email: 'alice.fontanelle@exemple.org', matricule: 'MAT-ALICE-4411' };
const bobId = { name: 'Bertrand Quillard', email: 'bertrand.quillard@exemple.org', matricule: 'MAT-BOB-9922' };
const traces = [aliceId.name, aliceId.email, aliceId.matricule];

const stores = [
  { kind: 'journal', skip: false },
  { kind: 'postgres', skip: skipWithoutDatabase },
] as const;

describe.each(stores)('erasing a person ($kind store)', ({ kind, skip }) => {
  let t: TestApp;
  let db: TestDatabase | undefined;
  let admin: SeededPerson['agent'];
  let hr: SeededPerson['agent'];
  let alice: SeededPerson;
  let aliceToken: string;
  let before: { hr: string; analysis: string };

  /** The HR totals and the item analysis, as HR and trainers see them. */
  async function aggregates() {
    const dashboard = (await hr.get('/hr').expect(200)).text;
    const totals = dashboard.slice(dashboard.indexOf('<h2>Totaux'));
    const analysis = (await admin.get('/studio/courses/demo/analysis/premier').expect(200)).text;
    return { hr: totals, analysis: analysis.slice(analysis.indexOf('<main'), analysis.indexOf('</main>')) };
  }

  async function erase(agent: SeededPerson['agent'], userId: string, form: Record<string, string>) {
    const page = await agent.get(`/admin/users/${userId}/erase`);
    return agent
      .post(`/admin/users/${userId}/erase`)
      .type('form')
      .send({ _csrf: csrfOf(page.text), ...form });
  }

  beforeAll(async () => {
    if (skip) return;
    db = kind === 'postgres' && databaseUrl ? await createTestDatabase() : undefined;
    t = await createTestApp({ config: queuedMail, databaseUrl: db?.url });
    admin = await signIn(t, await addUser(t, 'admin'));
    hr = await signIn(t, await addUser(t, 'hr'));
    // A wrong typed answer quoting her own name, before passing: answers keep what was typed.
    const learner = await addUser(t, 'learner', { ...aliceId, structure: 'Crèche Les Lilas' });
    const agent = await signIn(t, learner);
    const page = await agent.get('/courses/demo/premier');
    await agent
      .post('/courses/demo/premier/quiz')
      .type('form')
      .send({ _csrf: csrfOf(page.text), q1: 'c1', q2: ['c1'], q3: 'c1', q4: aliceId.name })
      .expect(200);
    alice = await fillPerson(t, admin, learner, agent);
    expect((await admin.get(`/admin/users/${learner.id}`)).text).toContain('Effacer cette personne…');
    await seedPerson(t, admin, bobId);
    // A trainer quoted her in a draft of the studio.
    const draft = path.join(t.dataDir, 'drafts', 'demo');
    await mkdir(draft, { recursive: true });
    await writeFile(
      path.join(draft, '01-premier.md'),
      `# Cas pratique\n\nL’exemple de ${aliceId.name} (${aliceId.email}).\n`,
    );
    // With PostgreSQL the studio keeps its folders in the database too, as a save in the studio does.
    if (db) await storeTreeSync(t.store, studioPaths(testConfig({ dataDir: t.dataDir }))).push('demo', t.now());
    const certificate = (await t.store.get('certificates', alice.certificateId))!;
    aliceToken = certificate.token;
    before = await aggregates();
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it.skipIf(skip)('refuses a form without reason or confirmation, keeping what was typed', async () => {
    const res = await erase(admin, alice.user.id, { reason: 'Demande écrite du 3 mars' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('Cochez la case pour confirmer l’effacement.');
    expect(res.text).toContain('Demande écrite du 3 mars</textarea>');
    const empty = await erase(admin, alice.user.id, { confirm: 'yes' });
    expect(empty.status).toBe(400);
    expect(empty.text).toContain('Indiquez le motif de l’effacement');
    expect((await t.store.get('users', alice.user.id))!.name).toBe(aliceId.name);
  });

  it.skipIf(skip)('leaves no byte of her name, e-mail or matricule in the data', async () => {
    if (kind === 'journal') expect(await filesHolding(t.dataDir, traces)).not.toEqual([]);
    else expect(await tablesHolding(db!.url, traces)).not.toEqual([]);
    const res = await erase(admin, alice.user.id, { reason: `Demande de ${aliceId.name} du 3 mars`, confirm: 'yes' });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`/admin/users/${alice.user.id}/erase`);
    expect(await filesHolding(t.dataDir, traces)).toEqual([]);
    if (db) {
      expect(await tablesHolding(db.url, traces)).toEqual([]);
      expect((await t.store.findBy('courseTrees', 'course', 'demo')).map((tree) => tree.kind)).toEqual(['draft']);
    }
    // Someone else's data is untouched.
    if (kind === 'journal') expect(await filesHolding(t.dataDir, [bobId.name, bobId.matricule])).not.toEqual([]);
    else expect(await tablesHolding(db!.url, [bobId.name, bobId.matricule])).not.toEqual([]);
    const audit = (await t.store.findBy('audit', 'target', alice.user.id)).find((e) => e.action === 'user.erased')!;
    expect(audit.details).toMatchObject({ reason: 'Demande de [effacé] du 3 mars', certificatesKeptWithName: false });
  });

  it.skipIf(skip)('keeps her certificate verifiable without the name, and the aggregates as they were', async () => {
    const verify = (await request(t.app).get(`/verify/${aliceToken}`).expect(200)).text;
    expect(verify).toContain('Statut : valide');
    expect(verify).toContain('données effacées');
    expect(verify).toContain('Cours de démonstration');
    expect(verify).not.toContain(aliceId.name);
    // Same counts; only the answer she typed, which quoted her name, now reads « [effacé] » (simplified).
    const after = await aggregates();
    expect(after.hr).toBe(before.hr);
    expect(after.analysis).toBe(before.analysis.replace('alice fontanelle', 'efface'));
  });

  it.skipIf(skip)('signs her out and never lets her sign in again, nor lets anyone reopen her account', async () => {
    await alice.agent.get('/me').expect(303);
    await expect(signIn(t, { email: aliceId.email })).rejects.toThrow('sign-in failed: 401');
    const page = await admin.get(`/admin/users/${alice.user.id}`).expect(200);
    for (const form of ['activate', 'reset-link', 'role']) {
      const res = await admin
        .post(`/admin/users/${alice.user.id}/${form}`)
        .type('form')
        .send({ _csrf: csrfOf(page.text), role: 'admin' });
      expect(res.status).toBe(409);
      expect(res.text).toContain('son compte ne peut plus être rouvert');
    }
    expect(await t.store.get('users', alice.user.id)).toMatchObject({
      active: false,
      role: 'learner',
      passwordHash: null,
    });
    expect(await t.store.findBy('tokens', 'userId', alice.user.id)).toEqual([]);
  });

  it.skipIf(skip)('erasing twice is harmless: nothing changes, nothing new is recorded', async () => {
    const audits = async () => (await t.store.findBy('audit', 'target', alice.user.id)).length;
    const count = await audits();
    const account = await t.store.get('users', alice.user.id);
    expect((await erase(admin, alice.user.id, { reason: 'Deuxième demande', confirm: 'yes' })).status).toBe(303);
    expect(await audits()).toBe(count);
    expect(await t.store.get('users', alice.user.id)).toEqual(account);
    const page = (await admin.get(`/admin/users/${alice.user.id}/erase`).expect(200)).text;
    expect(page).toContain('Les données de cette personne ont été effacées le');
  });

  it.skipIf(skip)('refuses to let an administrator erase themself', async () => {
    const me = await addUser(t, 'admin');
    const agent = await signIn(t, me);
    const res = await erase(agent, me.id, { reason: 'Je pars', confirm: 'yes' });
    expect(res.status).toBe(409);
    expect(res.text).toContain('Vous ne pouvez pas effacer votre propre compte');
    expect((await t.store.get('users', me.id))!.active).toBe(true);
  });
});

describe('erasing a person who has a namesake', () => {
  it('leaves the namesake’s name alone and still removes the e-mail and matricule everywhere', async () => {
    const t = await createTestApp();
    try {
      const admin = await signIn(t, await addUser(t, 'admin'));
      const who = { name: 'Marie Martin', email: 'marie.martin@exemple.org', matricule: 'MAT-MM-1' };
      const erased = await addUser(t, 'learner', who);
      const namesake = await addUser(t, 'learner', { name: 'Marie Martin', email: 'mmartin@exemple.org' });
      const page = await admin.get(`/admin/users/${erased.id}/erase`);
      await admin
        .post(`/admin/users/${erased.id}/erase`)
        .type('form')
        .send({ _csrf: csrfOf(page.text), reason: `Demande de ${who.email}`, confirm: 'yes' })
        .expect(303);
      expect((await t.store.get('users', namesake.id))!.name).toBe('Marie Martin');
      expect((await t.store.get('users', erased.id))!.name).toBe('Personne effacée');
      expect(await filesHolding(t.dataDir, [who.email, who.matricule])).toEqual([]);
    } finally {
      await t.close();
    }
  });
});

describe('erasing a person who keeps their certificates for the legal period', () => {
  it('keeps the name on the certificate only, and says so', async () => {
    const t = await createTestApp({ config: queuedMail });
    try {
      const admin = await signIn(t, await addUser(t, 'admin'));
      const carole = await seedPerson(t, admin, {
        name: 'Carole Vignaud',
        email: 'carole@exemple.org',
        matricule: 'MAT-C-1',
      });
      const page = (await admin.get(`/admin/users/${carole.user.id}/erase`).expect(200)).text;
      expect(page).toMatch(/id="keepCertificates" name="keepCertificates" value="yes"[^>]* checked/);
      await admin
        .post(`/admin/users/${carole.user.id}/erase`)
        .type('form')
        .send({ _csrf: csrfOf(page), reason: 'Départ', keepCertificates: 'yes', confirm: 'yes' })
        .expect(303);
      const certificate = (await t.store.get('certificates', carole.certificateId))!;
      expect(certificate.snapshot.learnerName).toBe('Carole Vignaud');
      expect((await t.store.get('users', carole.user.id))!.name).toBe('Personne effacée');
      const files = await filesHolding(t.dataDir, ['Carole Vignaud', 'carole@exemple.org']);
      expect(files.every((f) => f.endsWith(': Carole Vignaud'))).toBe(true);
      const done = (await admin.get(`/admin/users/${carole.user.id}/erase`)).text;
      expect(done).toContain('gardent son nom pendant la durée légale');
    } finally {
      await t.close();
    }
  });
});
