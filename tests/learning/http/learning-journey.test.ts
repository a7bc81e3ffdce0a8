import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { issueToken } from '../../../server/accounts/one-time-tokens.ts';
import { createUser } from '../../../server/accounts/users.ts';
import { addUser, createTestApp, csrfOf, signIn, type TestApp } from '../../helpers/test-app.ts';
import { createTestDatabase, skipWithoutDatabase, type TestDatabase } from '../../helpers/test-database.ts';

const opened: TestApp[] = [];
const databases: TestDatabase[] = [];
afterEach(async () => {
  for (const t of opened.splice(0)) await t.close().catch(() => {});
  for (const db of databases.splice(0)) await db.drop();
});

// The whole journey runs on the embedded store and, where DATABASE_URL is set (CI), on PostgreSQL.
const stores = skipWithoutDatabase ? (['journal'] as const) : (['journal', 'postgres'] as const);

// The valid fixture: module "premier" (4 questions) then the final assessment "evaluation" (2 questions, 80 %).
const wrongFirstQuiz = { q1: 'c1', q2: ['c1'], q3: 'c1', q4: 'Facebook' };
const rightFirstQuiz = { q1: 'c2', q2: ['c1', 'c2'], q3: 'c2', q4: '  whats app ! ' };

describe.each(stores)('learning journey on the %s store', (kind) => {
  // A restart reopens the same data: the same folder, or the same database.
  let databaseUrl: string | undefined;
  const open = async (options: Parameters<typeof createTestApp>[0] = {}) => {
    if (kind === 'postgres' && !databaseUrl) {
      const db = await createTestDatabase();
      databases.push(db);
      databaseUrl = db.url;
    }
    const t = await createTestApp({ ...options, databaseUrl });
    opened.push(t);
    return t;
  };
  afterEach(() => {
    databaseUrl = undefined;
  });

  it('takes an invited learner from password to completed course, and survives a restart', async () => {
    const t = await open();
    const learner = await createUser(
      t.store,
      {
        name: 'Zoé Lefèvre',
        email: 'zoe@exemple.org',
        structure: 'Crèche Les Lilas',
        matricule: 'M-042',
        role: 'learner',
      },
      t.now(),
    );
    const token = await issueToken(t.store, { kind: 'invitation', userId: learner.id, createdBy: null }, t.now());

    const agent = request.agent(t.app);
    const invitation = await agent.get(`/invitations/${token}`).expect(200);
    expect(invitation.text).toContain('zoe@exemple.org');
    const weak = await agent
      .post(`/invitations/${token}`)
      .type('form')
      .send({ _csrf: csrfOf(invitation.text), password: 'court', confirm: 'court' })
      .expect(400);
    expect(weak.text).toContain('au moins 12 caractères');
    await agent
      .post(`/invitations/${token}`)
      .type('form')
      .send({ _csrf: csrfOf(weak.text), password: 'jardin partagé du mardi', confirm: 'jardin partagé du mardi' })
      .expect(303)
      .expect('location', '/me');
    // The link is single-use.
    await request(t.app).get(`/invitations/${token}`).expect(404);

    const course = await agent.get('/courses/demo').expect(200);
    expect(course.text).toContain('Commencer la formation');
    const module = await agent.get('/courses/demo/premier').expect(200);
    expect(module.text).toContain('action="/courses/demo/premier/quiz"');

    // An incomplete form is re-rendered with what was answered and an error on the missing question.
    const incomplete = await agent
      .post('/courses/demo/premier/quiz')
      .type('form')
      .send({ _csrf: csrfOf(module.text), q1: 'c2' })
      .expect(400);
    expect(incomplete.text).toMatch(/id="q1-c2" name="q1" value="c2" checked/);
    expect(incomplete.text).toContain('Cochez au moins une réponse.');

    t.advance(4 * 60_000);
    const failed = await agent
      .post('/courses/demo/premier/quiz')
      .type('form')
      .send({ _csrf: csrfOf(module.text), ...wrongFirstQuiz })
      .expect(200);
    const failedResult = await agent.get(failed.headers['content-location']!).expect(200);
    expect(failedResult.text).toContain('Votre score : 0 %');
    expect(failedResult.text).toContain("Cela passe à côté d'une compétence.");
    expect(failedResult.text).toContain('partir des usages existants aide tout le monde');
    // The key stays hidden while the learner can still try again.
    expect(failedResult.text).not.toContain("Oui : c'est un point d'appui.");

    const passed = await agent
      .post('/courses/demo/premier/quiz')
      .type('form')
      .send({ _csrf: csrfOf(module.text), ...rightFirstQuiz })
      .expect(200);
    const passedResult = await agent.get(passed.headers['content-location']!).expect(200);
    expect(passedResult.text).toContain('Votre score : 100 %');
    expect(passedResult.text).toContain('Bravo, le quiz est réussi.');

    // Resume goes to the first module not yet completed.
    await agent.get('/courses/demo/resume').expect(303).expect('location', '/courses/demo/evaluation');
    const final = await agent.get('/courses/demo/evaluation').expect(200);
    await agent
      .post('/courses/demo/evaluation/quiz')
      .type('form')
      .send({ _csrf: csrfOf(final.text), q1: 'deux', q2: 'c2' })
      .expect(200);

    const me = await agent.get('/me').expect(200);
    expect(me.text).toContain('terminée le 23 novembre 2026');
    expect(me.text).toContain('évaluation finale : 100 %');

    const attempts = await t.store.findBy('attempts', 'userId', learner.id);
    expect(attempts).toHaveLength(3);
    expect(
      attempts.every((a) => a.courseVersion === 2 && a.contentHash === t.catalog.bySlug.get('demo')!.contentHash),
    ).toBe(true);
    const progress = await t.store.get('progress', `${learner.id}|demo|premier`);
    expect(progress?.seconds).toBe(240);

    // Restart on the same data directory: everything acknowledged is still there.
    await t.store.close();
    opened.splice(opened.indexOf(t), 1);
    const restarted = await open({ dataDir: t.dataDir });
    const again = await signIn(restarted, { email: 'zoe@exemple.org' }).catch(async () => {
      // signIn uses the shared test password; this learner chose her own.
      const a = request.agent(restarted.app);
      const page = await a.get('/login');
      await a
        .post('/login')
        .type('form')
        .send({ _csrf: csrfOf(page.text), email: 'zoe@exemple.org', password: 'jardin partagé du mardi' })
        .expect(303);
      return a;
    });
    const meAfter = await again.get('/me').expect(200);
    expect(meAfter.text).toContain('terminée le 23 novembre 2026');
    expect((await restarted.store.findBy('attempts', 'userId', learner.id)).length).toBe(3);
  });

  it('stops accepting submissions once the attempts are used up', async () => {
    const t = await open();
    const learner = await addUser(t);
    const agent = await signIn(t, learner);
    const page = await agent.get('/courses/demo/evaluation');
    for (let i = 0; i < 3; i++) {
      await agent
        .post('/courses/demo/evaluation/quiz')
        .type('form')
        .send({ _csrf: csrfOf(page.text), q1: 'trois', q2: 'c1' })
        .expect(200);
    }
    const refused = await agent
      .post('/courses/demo/evaluation/quiz')
      .type('form')
      .send({ _csrf: csrfOf(page.text), q1: 'deux', q2: 'c2' })
      .expect(409);
    expect(refused.text).toContain('Vous avez utilisé tous vos essais');
    expect(await t.store.findBy('attempts', 'userId', learner.id)).toHaveLength(3);
  });

  it('caps the time credited for a tab left open all night', async () => {
    const t = await open();
    const learner = await addUser(t);
    const agent = await signIn(t, learner);
    await agent.get('/courses/demo/premier').expect(200);
    t.advance(10 * 60_000);
    await agent.get('/courses/demo/evaluation').expect(200);
    t.advance(20 * 60_000);
    await agent.get('/courses/demo/premier').expect(200);
    t.advance(9 * 3_600_000);
    await agent.get('/courses/demo/evaluation').expect(200);
    expect((await t.store.get('progress', `${learner.id}|demo|premier`))?.seconds).toBe(600);
    expect((await t.store.get('progress', `${learner.id}|demo|evaluation`))?.seconds).toBe(900);
  });
});
