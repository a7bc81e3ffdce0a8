import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, completeCourse } from '../../certificates/http/complete-course.ts';
import { addUser, createTestApp, csrfOf, signIn, type TestApp } from '../../helpers/test-app.ts';
import { statementErrors } from '../xapi-schema.ts';

interface Statement {
  id: string;
  actor: { objectType: string; account?: { homePage: string; name: string }; mbox?: string };
  verb: { id: string; display: Record<string, string> };
  object: { id: string; definition?: { type?: string; name?: Record<string, string>; interactionType?: string } };
  result?: { score?: { scaled: number; raw: number }; success?: boolean; completion?: boolean; response?: string };
  context: { registration: string; extensions: Record<string, unknown> };
  timestamp: string;
}

const baseUrl = 'https://formation.exemple.org';
let t: TestApp;
let hr: Agent;
let learnerIds: string[];

/** A quiz attempt that fails: every answer wrong. */
async function failFirstQuiz(agent: Agent) {
  const page = await agent.get('/courses/demo/premier');
  await agent
    .post('/courses/demo/premier/quiz')
    .type('form')
    .send({ _csrf: csrfOf(page.text), q1: 'c1', q2: ['c3'], q3: 'c1', q4: 'Télégramme' })
    .expect(200);
}

beforeAll(async () => {
  t = await createTestApp({ config: { baseUrl } });
  const awa = await addUser(t, 'learner', { name: 'Awa Diallo', email: 'awa@exemple.org', structure: 'Crèche' });
  const basile = await addUser(t, 'learner', { name: 'Basile Roy', email: 'basile@exemple.org', structure: 'Foyer' });
  const awaAgent = await signIn(t, awa);
  await failFirstQuiz(awaAgent);
  await completeCourse(t, awaAgent);
  await failFirstQuiz(await signIn(t, basile));
  learnerIds = [awa.id, basile.id];
  hr = await signIn(t, await addUser(t, 'hr'));
});
afterAll(async () => {
  await t.close();
});

async function statements(query = 'course=demo'): Promise<Statement[]> {
  const res = await hr.get(`/hr/exports/statements.json?${query}`).expect(200);
  expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
  return JSON.parse(res.text) as Statement[];
}

const verbOf = (s: Statement) => s.verb.id.split('/').pop();

describe('the xAPI export of a course', () => {
  it('gives statements that each validate against the xAPI Statement schema', async () => {
    const all = await statements();
    expect(all.length).toBeGreaterThan(10);
    for (const statement of all) expect(statementErrors(statement), JSON.stringify(statement)).toEqual([]);
    expect(statementErrors({ ...all[0], actor: { objectType: 'Agent' } })).not.toEqual([]);
  });

  it('tells the path: modules read, each answer, quizzes failed then passed, the course completed', async () => {
    const awa = (await statements()).filter((s) => s.actor.account?.name === learnerIds[0]);
    const verbs = awa.map(verbOf);
    expect(new Set(verbs)).toEqual(new Set(['experienced', 'attempted', 'answered', 'failed', 'passed', 'completed']));
    expect(verbs.indexOf('failed')).toBeLessThan(verbs.indexOf('passed'));
    expect(verbs.at(-1)).toBe('completed');
    const failed = awa.find((s) => verbOf(s) === 'failed')!;
    expect(failed.object.id).toBe(`${baseUrl}/courses/demo/premier/quiz`);
    expect(failed.result).toMatchObject({ success: false, completion: true, score: { scaled: 0, raw: 0 } });
    const passed = awa.filter((s) => verbOf(s) === 'passed');
    expect(passed.map((s) => s.result?.score?.scaled)).toEqual([1, 1]);
    const answers = awa.filter((s) => verbOf(s) === 'answered');
    expect(answers).toHaveLength(4 + 4 + 2);
    const short = answers.find((s) => s.object.definition?.interactionType === 'fill-in' && s.result?.success);
    expect(short?.result?.response).toBe('WhatsApp');
    const choice = answers.find((s) => s.object.id.endsWith('/premier/quiz/q2') && s.result?.success);
    expect(choice?.result?.response).toBe('c1[,]c2');
    expect(awa[0]!.verb.display['fr-FR']).toBeDefined();
    expect(awa.every((s) => s.context.extensions[`${baseUrl}/xapi/extensions/course-version`] === 2)).toBe(true);
    // One registration per enrolment, the same on every statement of it.
    expect(new Set(awa.map((s) => s.context.registration)).size).toBe(1);
  });

  it('names learners by an opaque account under BASE_URL, never by e-mail or name', async () => {
    const res = await hr.get('/hr/exports/statements.jsonl?course=demo').expect(200);
    expect(res.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="declarations-xapi-demo-\d{4}-\d{2}-\d{2}\.jsonl"$/,
    );
    const lines = res.text
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Statement);
    expect(new Set(lines.map((s) => s.actor.account?.homePage))).toEqual(new Set([baseUrl]));
    expect(new Set(lines.map((s) => s.actor.account?.name))).toEqual(new Set(learnerIds));
    for (const personal of ['@exemple.org', 'Awa Diallo', 'Basile']) expect(res.text).not.toContain(personal);
  });

  it('gives the same statement ids at every export, all distinct', async () => {
    const [first, second] = [await statements(), await statements()];
    expect(second.map((s) => s.id)).toEqual(first.map((s) => s.id));
    expect(new Set(first.map((s) => s.id)).size).toBe(first.length);
  });

  it('filters by structure, is recorded in the audit log, and refuses an unknown course', async () => {
    const foyer = await statements('course=demo&structure=Foyer');
    expect(new Set(foyer.map((s) => s.actor.account?.name))).toEqual(new Set([learnerIds[1]]));
    const audit = [];
    for await (const entry of t.store.all('audit'))
      if (entry.action === 'report.statements_exported') audit.push(entry);
    expect(audit.at(-1)?.details).toEqual({ course: 'demo', format: 'json', structure: 'Foyer' });
    const refused = await hr.get('/hr/exports/statements.json?course=inconnue').expect(400);
    expect(refused.text).toContain('Choisissez une formation publiée');
    await hr.get('/hr/exports/statements.json').expect(400);
  });

  it('is for HR and admins only; the dashboard offers it once a course is chosen', async () => {
    const learner = await signIn(t, await addUser(t, 'learner'));
    const res = await learner.get('/hr/exports/statements.json?course=demo');
    expect([403, 404]).toContain(res.status);
    expect((await hr.get('/hr').expect(200)).text).not.toContain('/hr/exports/statements.json');
    const page = await hr.get('/hr?course=demo').expect(200);
    expect(page.text).toContain('href="/hr/exports/statements.json?course=demo"');
  });
});

describe('with XAPI_ACTOR=email', () => {
  it('names learners by their e-mail, as the organisation chose', async () => {
    const app = await createTestApp({ config: { baseUrl, xapiActor: 'email' } });
    try {
      const learner = await addUser(app, 'learner', { email: 'chloe@exemple.org' });
      await failFirstQuiz(await signIn(app, learner));
      const agent = await signIn(app, await addUser(app, 'hr'));
      const all = JSON.parse(
        (await agent.get('/hr/exports/statements.json?course=demo').expect(200)).text,
      ) as Statement[];
      expect(all.length).toBeGreaterThan(0);
      for (const statement of all) {
        expect(statement.actor.mbox).toBe('mailto:chloe@exemple.org');
        expect(statementErrors(statement)).toEqual([]);
      }
    } finally {
      await app.close();
    }
  });
});
