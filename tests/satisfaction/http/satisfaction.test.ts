import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../../server/accounts/schema.ts';
import { type Agent, completeCourse } from '../../certificates/http/complete-course.ts';
import { addUser, createTestApp, csrfOf, signIn, type TestApp } from '../../helpers/test-app.ts';
import { download, excelCsv } from '../../hr/http/hr-test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** A learner of this structure who completed the demo course, signed in. */
async function graduate(structure = 'Centre social Nord'): Promise<{ user: Readonly<User>; agent: Agent }> {
  const user = await addUser(t, 'learner', { structure });
  const agent = await signIn(t, user);
  await completeCourse(t, agent);
  return { user, agent };
}

/** Sends the questionnaire with these fields and expects this status. */
async function answer(agent: Agent, fields: Record<string, string>, status: number) {
  const form = await agent.get('/satisfaction/demo').expect(200);
  return agent
    .post('/satisfaction/demo')
    .type('form')
    .send({ _csrf: csrfOf(form.text), ...fields })
    .expect(status);
}

async function responses() {
  const rows = [];
  for await (const row of t.store.all('satisfactionResponses')) rows.push(row);
  return rows;
}

describe('satisfaction questionnaire', () => {
  it('is offered only once the course is completed', async () => {
    const user = await addUser(t);
    const agent = await signIn(t, user);
    await agent.get('/courses/demo/premier').expect(200);
    expect((await agent.get('/courses/demo')).text).not.toContain('Donner mon avis');
    await agent.get('/satisfaction/demo').expect(403);
  });

  it('is offered on the course page and the certificate page, answered once, then thanks the learner', async () => {
    const user = await addUser(t, 'learner', { name: 'Inès Ponsard', structure: 'Crèche Les Lilas' });
    const agent = await signIn(t, user);
    const certificateId = await completeCourse(t, agent);
    expect((await agent.get('/courses/demo')).text).toContain('href="/satisfaction/demo"');
    expect((await agent.get(`/certificates/${certificateId}`)).text).toContain('href="/satisfaction/demo"');

    const form = await agent.get('/satisfaction/demo').expect(200);
    expect(form.text).toContain('<legend>Cette formation m’a été utile.</legend>');
    expect(form.text).toMatch(/<input type="radio" id="clarity-5" name="clarity" value="5"> <label for="clarity-5">/);
    const sent = await answer(
      agent,
      { usefulness: '5', clarity: '4', application: '', comment: '  Très concret.\r\nMerci  ' },
      303,
    );
    expect(sent.headers.location).toBe('/courses/demo#avis');

    const page = await agent.get('/courses/demo');
    expect(page.text).toContain('Merci, votre avis a été enregistré.');
    expect(page.text).not.toContain('href="/satisfaction/demo"');
    expect((await agent.get(`/certificates/${certificateId}`)).text).toContain('Merci, votre avis a été enregistré.');
    expect((await agent.get('/satisfaction/demo').expect(409)).text).toContain('Vous avez déjà donné votre avis');
    const again = await agent
      .post('/satisfaction/demo')
      .type('form')
      .send({ _csrf: csrfOf(page.text), usefulness: '1' });
    expect(again.status).toBe(409);

    // Anonymous: the response holds the course, version, structure, month and the answers, nothing else.
    const stored = (await responses()).filter((r) => r.structure === 'Crèche Les Lilas');
    expect(stored).toHaveLength(1);
    const { id, ...rest } = stored[0]!;
    expect(rest).toEqual({
      course: 'demo',
      courseVersion: 2,
      structure: 'Crèche Les Lilas',
      month: '2026-11',
      usefulness: 5,
      clarity: 4,
      application: null,
      comment: 'Très concret.\nMerci',
    });
    expect(id).not.toContain(user.id);
    const serialized = JSON.stringify(stored[0]);
    for (const personal of [user.id, user.name, user.email]) expect(serialized).not.toContain(personal);
    // What says « answered » says nothing of the answer.
    expect(await t.store.findBy('satisfactionAnswered', 'userId', user.id)).toEqual([
      { id: `${user.id}|demo`, userId: user.id, course: 'demo' },
    ]);
  });

  it('sends back an empty form or a too long comment with what was typed, and refuses a forged score', async () => {
    const { agent } = await graduate();
    const before = (await responses()).length;
    const empty = await answer(agent, { usefulness: '', comment: '   ' }, 400);
    expect(empty.text).toContain('Répondez à au moins une question');
    const long = `${'é'.repeat(1000)}<b>x</b>`;
    const tooLong = await answer(agent, { clarity: '2', comment: long }, 400);
    expect(tooLong.text).toContain('Le commentaire est trop long : 1 000 caractères au plus.');
    expect(tooLong.text).toContain(`${'é'.repeat(1000)}&lt;b&gt;x&lt;/b&gt;</textarea>`);
    expect(tooLong.text).toMatch(/id="clarity-2" name="clarity" value="2" checked/);
    await answer(agent, { usefulness: '7' }, 400);
    await answer(agent, { usefulness: ['1', '2'] as unknown as string }, 400);
    await agent.post('/satisfaction/demo').type('form').send({ usefulness: '4' }).expect(403);
    expect((await responses()).length).toBe(before);
  });

  it('is reported per course and period, anonymously, to HR and to the course’s trainers, from 3 answers', async () => {
    const hr = await signIn(t, await addUser(t, 'hr'));
    const trainer = await signIn(t, await addUser(t, 'trainer'));
    const fresh = await createTestApp();
    try {
      const hrFresh = await signIn(fresh, await addUser(fresh, 'hr'));
      const one = await addUser(fresh);
      const oneAgent = await signIn(fresh, one);
      await completeCourse(fresh, oneAgent);
      const form = await oneAgent.get('/satisfaction/demo');
      await oneAgent
        .post('/satisfaction/demo')
        .type('form')
        .send({ _csrf: csrfOf(form.text), usefulness: '2' });
      const few = await hrFresh.get('/hr/satisfaction').expect(200);
      expect(few.text).toContain('1 réponse(s) sur cette période : moins de 3');
      expect(few.text).not.toContain('<caption');
      const csv = excelCsv((await download(hrFresh, '/hr/satisfaction/export.csv').expect(200)).body as Buffer);
      expect(csv).toHaveLength(1);
    } finally {
      await fresh.close();
    }

    const names: string[] = [];
    for (const [usefulness, comment] of [
      ['4', '<script>alert(1)</script>'],
      ['2', '=HYPERLINK("http://x")'],
      ['3', ''],
    ] as const) {
      const { user, agent } = await graduate('Centre social Nord');
      names.push(user.name, user.email);
      await answer(agent, { usefulness, clarity: '5', comment }, 303);
    }
    const page = await hr.get('/hr/satisfaction?from=2026-11&to=2026-11').expect(200);
    expect(page.text).toContain('Cours de démonstration');
    expect(page.text).toMatch(/réponses<\/p>/);
    expect(page.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page.text).not.toContain('<script>alert(1)</script>');
    for (const personal of names) expect(page.text).not.toContain(personal);

    const res = await download(hr, '/hr/satisfaction/export.csv?from=2026-11').expect(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="satisfaction-2026-11-\d\d\.csv"$/);
    const [header, ...rows] = excelCsv(res.body as Buffer);
    expect(header).toEqual([
      'Formation',
      'Version',
      'Utilité (1-5)',
      'Clarté (1-5)',
      'Mise en pratique (1-5)',
      'Commentaire',
    ]);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(rows).toContainEqual(['Cours de démonstration', '2', '2', '5', '', '\'=HYPERLINK("http://x")']);
    const text = (res.body as Buffer).toString('utf8');
    for (const personal of [...names, 'Centre social Nord', 'Crèche Les Lilas', 'Inès Ponsard'])
      expect(text).not.toContain(personal);
    const audit = [];
    for await (const entry of t.store.all('audit'))
      if (entry.action === 'report.satisfaction_exported') audit.push(entry);
    expect(audit.length).toBeGreaterThanOrEqual(1);

    // No answers in December; a month that cannot be read is a 400 page, and no file.
    expect((await hr.get('/hr/satisfaction?from=2026-12').expect(200)).text).toContain(
      'Aucune réponse sur cette période.',
    );
    expect((await hr.get('/hr/satisfaction?from=novembre').expect(400)).text).toContain(
      'Indiquez un mois sous la forme 2026-11.',
    );
    await hr.get('/hr/satisfaction/export.csv?to=2026-13').expect(400);

    const studio = await trainer.get('/studio/courses/demo/satisfaction').expect(200);
    expect(studio.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(studio.text).not.toContain('name="structure"');
    const studioCsv = excelCsv(
      (await download(trainer, '/studio/courses/demo/satisfaction/export.csv').expect(200)).body as Buffer,
    );
    expect(studioCsv.length).toBe(rows.length + 1);
    await trainer.get('/studio/courses/unknown/satisfaction').expect(404);
  });

  it('keeps the questionnaire and the reports from visitors', async () => {
    await request(t.app).get('/satisfaction/demo').expect(303);
    await request(t.app).get('/hr/satisfaction').expect(303);
  });
});
