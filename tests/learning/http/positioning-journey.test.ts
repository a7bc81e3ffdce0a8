import path from 'node:path';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { addUser, createTestApp, csrfOf, signIn, type TestApp } from '../../helpers/test-app.ts';
import { fixturesDir } from '../../helpers/test-config.ts';
import { createTestDatabase, skipWithoutDatabase, type TestDatabase } from '../../helpers/test-database.ts';

const opened: (TestApp | TestDatabase)[] = [];
afterEach(async () => {
  for (const o of opened.splice(0).reverse()) await ('close' in o ? o.close() : o.drop()).catch(() => {});
});

const stores = skipWithoutDatabase ? (['journal'] as const) : (['journal', 'postgres'] as const);

// tests/fixtures/courses/positioning/mesure: objective 1 « Orienter… », objective 2 « Proposer un autre chemin… »;
// the positioning, one module teaching each objective, then the final assessment (100 %, 3 attempts).
const coursesDir = path.join(fixturesDir, 'courses/positioning');
const answers = {
  // Objective 1 missed, objective 2 right: 0 % then 100 % before the course.
  positionnement: { q1: 'c2', q2: 'c3' },
  orienter: { q1: 'c3' },
  'autres-chemins': { q1: 'c1' },
  failedFinal: { q1: 'c1', q2: 'c1' },
  passedFinal: { q1: 'c3', q2: 'c1' },
};
const objective1 = 'Orienter une personne vers le bon guichet';
const objective2 = 'Proposer un autre chemin quand une démarche en ligne bloque';

type Agent = Awaited<ReturnType<typeof signIn>>;

async function answer(agent: Agent, module: string, given: Record<string, string>): Promise<string> {
  const page = await agent.get(`/courses/mesure/${module}`).expect(200);
  const res = await agent
    .post(`/courses/mesure/${module}/quiz`)
    .type('form')
    .send({ _csrf: csrfOf(page.text), ...given })
    .expect(200);
  return res.headers['content-location']!;
}

/** The whole course: positioning, the two modules, a failed then a passed final assessment. */
async function followCourse(agent: Agent): Promise<void> {
  await answer(agent, 'positionnement', answers.positionnement);
  await answer(agent, 'orienter', answers.orienter);
  await answer(agent, 'autres-chemins', answers['autres-chemins']);
  await answer(agent, 'evaluation', answers.failedFinal);
  await answer(agent, 'evaluation', answers.passedFinal);
}

describe.each(stores)('positioning, modules, final assessment and progress per objective (%s store)', (kind) => {
  async function open(): Promise<TestApp> {
    let databaseUrl: string | undefined;
    if (kind === 'postgres') {
      const db = await createTestDatabase();
      opened.push(db);
      databaseUrl = db.url;
    }
    const t = await createTestApp({ coursesDir, databaseUrl, config: { coursesDir } });
    opened.push(t);
    return t;
  }

  it('measures each learner before and after, and shows trainers and HR only aggregates', async () => {
    const t = await open();
    const learner = await addUser(t, 'learner', { name: 'Zoé Lefèvre', structure: 'Centre social Nord' });
    const agent = await signIn(t, learner);

    // Offered first, skippable, never counted.
    const course = await agent.get('/courses/mesure').expect(200);
    expect(course.text).toContain('Cette formation commence par un positionnement facultatif');
    expect(course.text).toContain('Positionnement</a>\n<span class="meta">5 min · positionnement facultatif');
    expect(course.text).toContain('href="/courses/mesure/positionnement">Commencer la formation');
    const positioning = await agent.get('/courses/mesure/positionnement').expect(200);
    expect(positioning.text).toContain('ne compte ni pour terminer la formation ni pour l’attestation');
    expect(positioning.text).not.toContain('Note pour réussir');
    expect(positioning.text).toContain(
      'href="/courses/mesure/orienter">Passer le positionnement et commencer : Orienter',
    );

    // Its result: where the learner stands per objective, never the key.
    const positioningResult = await agent.get(await answer(agent, 'positionnement', answers.positionnement));
    expect(positioningResult.text).toContain('Résultat du positionnement');
    expect(positioningResult.text).toMatch(new RegExp(`<th scope="row">${objective1}</th><td>0 %</td></tr>`));
    expect(positioningResult.text).toMatch(new RegExp(`<th scope="row">${objective2}</th><td>100 %</td></tr>`));
    expect(positioningResult.text).not.toContain('(bonne réponse)');
    expect(positioningResult.text).not.toContain('Vers le service logement de la mairie');
    expect(positioningResult.text).not.toContain('Réessayer');
    // Answered once.
    const again = await agent.get('/courses/mesure/positionnement').expect(200);
    expect(again.text).not.toContain('action="/courses/mesure/positionnement/quiz"');
    expect(again.text).toContain('Positionnement passé le 23 novembre 2026.');
    expect(again.text).not.toContain('Vous avez utilisé tous vos essais');
    expect(again.text).not.toContain('Quiz pas encore réussi');

    const afterPositioning = await agent.get('/courses/mesure').expect(200);
    expect(afterPositioning.text).not.toContain('commence par un positionnement facultatif');
    expect(afterPositioning.text).toContain('href="/courses/mesure/orienter">Reprendre');
    expect(afterPositioning.text).toContain('Ma progression par objectif');
    expect(afterPositioning.text).toMatch(
      new RegExp(`<th scope="row">${objective1}</th><td>0 %</td><td>non mesuré</td></tr>`),
    );

    await answer(agent, 'orienter', answers.orienter);
    await answer(agent, 'autres-chemins', answers['autres-chemins']);

    // A failed final attempt names the objective to review and the module that teaches it, not the key.
    const failed = await agent.get(await answer(agent, 'evaluation', answers.failedFinal)).expect(200);
    expect(failed.text).toContain('Objectifs à retravailler');
    expect(failed.text).toContain(
      `<strong>${objective1}</strong><br>À relire : <a href="/courses/mesure/orienter">Orienter</a>`,
    );
    expect(failed.text).not.toContain(`<strong>${objective2}</strong>`);
    expect(failed.text).not.toContain('(bonne réponse)');
    expect(failed.text).not.toContain('Vers une mairie qui reçoit sur rendez-vous');
    expect(await t.store.findBy('certificates', 'userId', learner.id)).toEqual([]);

    // Passed: the course is complete (the positioning was never required) and the attestation issued.
    const passed = await agent.get(await answer(agent, 'evaluation', answers.passedFinal)).expect(200);
    expect(passed.text).toContain('Bravo, le quiz est réussi.');
    expect(passed.text).not.toContain('Objectifs à retravailler');
    const [certificate] = await t.store.findBy('certificates', 'userId', learner.id);
    expect(certificate?.status).toBe('valid');

    const me = await agent.get('/me').expect(200);
    expect(me.text).toContain(`href="/certificates/${certificate!.id}"`);
    expect(me.text).toContain('Ma progression par objectif');
    expect(me.text).toMatch(new RegExp(`<th scope="row">${objective1}</th><td>0 %</td><td>100 %</td></tr>`));
    expect(me.text).toMatch(new RegExp(`<th scope="row">${objective2}</th><td>100 %</td><td>100 %</td></tr>`));
    const done = await agent.get('/courses/mesure').expect(200);
    expect(done.text).toMatch(new RegExp(`<th scope="row">${objective1}</th><td>0 %</td><td>100 %</td></tr>`));

    // Four more learners of the same structure, one of another.
    for (let i = 0; i < 4; i++)
      await followCourse(await signIn(t, await addUser(t, 'learner', { structure: 'Centre social Nord' })));
    const alone = await addUser(t, 'learner', { name: 'Inès Martin', structure: 'Crèche Les Lilas' });
    await followCourse(await signIn(t, alone));

    // The trainer, in the studio: the course's six learners, aggregated.
    const trainer = await signIn(t, await addUser(t, 'trainer'));
    const studio = await trainer.get('/studio/courses/mesure/analysis').expect(200);
    expect(studio.text).toContain('Progression moyenne par objectif (6 personne(s) mesurée(s) avant et après)');
    expect(studio.text).toMatch(
      new RegExp(`<th scope="row">${objective1}</th><td>6</td><td>0 %</td><td>100 %</td></tr>`),
    );
    expect(studio.text).not.toContain('Zoé Lefèvre');

    // HR: per course, structure and period, aggregated, and nothing below five people.
    const hr = await signIn(t, await addUser(t, 'hr'));
    const all = await hr.get('/hr/progression?course=mesure').expect(200);
    expect(all.headers['cache-control']).toBe('no-store');
    expect(all.text).toMatch(
      new RegExp(`<th scope="row">${objective2}</th><td>6</td><td>100 %</td><td>100 %</td></tr>`),
    );
    const north = await hr.get('/hr/progression?course=mesure&structure=Centre+social+Nord').expect(200);
    expect(north.text).toContain('(5 personne(s) mesurée(s) avant et après)');
    const lilas = await hr.get('/hr/progression?course=mesure&structure=Cr%C3%A8che+Les+Lilas').expect(200);
    expect(lilas.text).toContain('Moins de 5 personnes ont passé le positionnement et l’évaluation finale');
    expect(lilas.text).not.toMatch(/<td>\d+ %<\/td>/);
    const later = await hr.get('/hr/progression?course=mesure&from=2026-11-24').expect(200);
    expect(later.text).toContain('Moins de 5 personnes');
    const today = await hr.get('/hr/progression?course=mesure&from=2026-11-23&to=2026-11-23').expect(200);
    expect(today.text).toContain('(6 personne(s) mesurée(s) avant et après)');
    for (const page of [all, north, lilas]) {
      expect(page.text).not.toContain('Zoé Lefèvre');
      expect(page.text).not.toContain('Inès Martin');
      expect(page.text).not.toContain(`/hr/learners/${learner.id}`);
    }
    const bad = await hr.get('/hr/progression?course=mesure&from=2026-13-45').expect(400);
    expect(bad.text).toContain('id="from-error"');

    // Nobody else sees it.
    await agent.get('/hr/progression?course=mesure').expect(403);
    await trainer.get('/hr/progression?course=mesure').expect(403);
    const anonymous = await request(t.app).get('/hr/progression').expect(303);
    expect(anonymous.headers.location).toContain('/login');
  });

  it('lets a learner skip the positioning and still complete the course and get the attestation', async () => {
    const t = await open();
    const learner = await addUser(t, 'learner');
    const agent = await signIn(t, learner);
    await agent.get('/courses/mesure/orienter').expect(200);
    const course = await agent.get('/courses/mesure').expect(200);
    expect(course.text).not.toContain('commence par un positionnement facultatif');
    await answer(agent, 'orienter', answers.orienter);
    await answer(agent, 'autres-chemins', answers['autres-chemins']);
    await answer(agent, 'evaluation', answers.passedFinal);
    const [certificate] = await t.store.findBy('certificates', 'userId', learner.id);
    expect(certificate?.status).toBe('valid');
    const me = await agent.get('/me').expect(200);
    expect(me.text).toMatch(new RegExp(`<th scope="row">${objective1}</th><td>non mesuré</td><td>100 %</td></tr>`));

    // Once the final assessment is taken, the positioning would no longer measure « before »: it is closed.
    const closed = await agent.get('/courses/mesure/positionnement').expect(200);
    expect(closed.text).toContain('Le positionnement n’est plus proposé');
    expect(closed.text).not.toContain('action="/courses/mesure/positionnement/quiz"');
    const late = await agent
      .post('/courses/mesure/positionnement/quiz')
      .type('form')
      .send({ _csrf: csrfOf(closed.text), ...answers.positionnement })
      .expect(409);
    expect(late.text).toContain('Le positionnement n’est plus proposé');
    const attempts = await t.store.findBy('attempts', 'userId', learner.id);
    expect(attempts.filter((a) => a.module === 'positionnement')).toEqual([]);
  });
});
