import { afterEach, describe, expect, it } from 'vitest';
import { drawQuestionIds, drawSeed } from '../../../server/learning/draw-questions.ts';
import { type BuiltCourse, buildCourse } from '../../catalog/course-builder.ts';
import { addUser, createTestApp, csrfOf, signIn, type TestApp } from '../../helpers/test-app.ts';

const opened: (TestApp | BuiltCourse)[] = [];
afterEach(async () => {
  for (const o of opened.splice(0)) await ('close' in o ? o.close() : o.remove());
});

// The valid course, its final assessment holding 5 questions of which each attempt asks 2, 3 attempts at most.
const extra = `
3. Combien de modules compte ce cours ?
   - ( ) Un
   - (x) Deux

4. Quel mot désigne la fiche du cours ?
   = course

5. Vrai ou faux : le quiz se corrige sur le serveur.
   - (x) Vrai
   - ( ) Faux
`;
async function open(): Promise<TestApp> {
  const built = await buildCourse((f) => {
    f.replace('02-evaluation.md', '  melanger: true\n', '  melanger: true\n  tirage: 2\n');
    f.write('02-evaluation.md', `${f.text('02-evaluation.md')}${extra}`);
  });
  opened.push(built);
  const t = await createTestApp({ coursesDir: built.root });
  opened.push(t);
  return t;
}

const askedIds = (html: string) => [...html.matchAll(/<fieldset class="question" id="(q\d)"/g)].map((m) => m[1]!);
/** Right answers to any of the 5 questions. */
const right: Record<string, string> = { q1: 'deux', q2: 'c2', q3: 'c2', q4: 'course', q5: 'c1' };
const wrong: Record<string, string> = { q1: 'trois', q2: 'c1', q3: 'c1', q4: 'module', q5: 'c2' };

describe('a final assessment drawn from a question bank', () => {
  it('asks 2 of 5 questions, the same on reload, records them, and draws again for the next attempt', async () => {
    const t = await open();
    const learner = await addUser(t);
    const agent = await signIn(t, learner);
    const page = await agent.get('/courses/demo/evaluation').expect(200);
    const asked = askedIds(page.text);
    expect(asked).toHaveLength(2);
    expect(page.text).toContain('À chaque essai, 2 questions sont tirées au sort parmi 5.');
    expect(page.text).toContain('Question 1');
    expect(page.text).not.toContain('Question 3');
    expect(askedIds((await agent.get('/courses/demo/evaluation').expect(200)).text)).toEqual(asked);

    // A question outside the draw cannot be answered instead of a drawn one: the form is incomplete.
    const other = Object.keys(right).find((id) => !asked.includes(id))!;
    await agent
      .post('/courses/demo/evaluation/quiz')
      .type('form')
      .send({ _csrf: csrfOf(page.text), [asked[0]!]: right[asked[0]!], [other]: right[other] })
      .expect(400);

    // One right, one wrong: 50 %, graded on the 2 questions asked.
    const answers = { [asked[0]!]: right[asked[0]!], [asked[1]!]: wrong[asked[1]!] };
    const form = {
      _csrf: csrfOf(page.text),
      _attempt: /name="_attempt" value="(\d+)"/.exec(page.text)?.[1],
      ...answers,
    };
    expect(form._attempt).toBe('0');
    const res = await agent.post('/courses/demo/evaluation/quiz').type('form').send(form).expect(200);
    // Sent again (a double tap, a reload without scripts), the form shows its attempt: it is not read
    // against the next attempt's draw, which asks other questions, and nothing more is recorded.
    const again = await agent.post('/courses/demo/evaluation/quiz').type('form').send(form).expect(200);
    expect(again.headers['content-location']).toBe(res.headers['content-location']);
    const attempts = await t.store.findBy('attempts', 'userId', learner.id);
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({ questions: asked, score: 50, passed: false });
    expect(Object.keys(attempts[0]!.correct)).toEqual(asked);
    const result = await agent.get(res.headers['content-location']!).expect(200);
    expect(result.text).toContain('Votre score : 50 %');
    expect(result.text.match(/<li class="question /g)).toHaveLength(2);

    // Each next attempt asks its own draw, the one of its attempt number. (Whether two draws differ depends
    // on the learner's random id: a test counting distinct questions failed once in a hundred runs.)
    const course = t.catalog.bySlug.get('demo')!;
    const module = course.modules.find((m) => m.slug === 'evaluation')!;
    const drawOf = (attempt: number) => drawQuestionIds(module.quiz!, drawSeed(learner.id, course, module, attempt));
    expect(asked).toEqual(drawOf(0));
    for (let i = 1; i <= 2; i++) {
      const next = await agent.get('/courses/demo/evaluation').expect(200);
      const ids = askedIds(next.text);
      expect(ids).toHaveLength(2);
      expect(ids).toEqual(drawOf(i));
      const wrongs = Object.fromEntries(ids.map((id) => [id, wrong[id]!]));
      await agent
        .post('/courses/demo/evaluation/quiz')
        .type('form')
        .send({ _csrf: csrfOf(next.text), ...wrongs });
    }
    // The attempt limit still holds: 3 attempts made, the quiz takes no more.
    const exhausted = await agent.get('/courses/demo/evaluation').expect(200);
    expect(exhausted.text).not.toContain('action="/courses/demo/evaluation/quiz"');
  });

  it('completes the course and issues the attestation when the drawn final assessment is passed', async () => {
    const t = await open();
    const agent = await signIn(t, await addUser(t));
    const first = await agent.get('/courses/demo/premier').expect(200);
    await agent
      .post('/courses/demo/premier/quiz')
      .type('form')
      .send({ _csrf: csrfOf(first.text), q1: 'c2', q2: ['c1', 'c2'], q3: 'c2', q4: 'WhatsApp' })
      .expect(200);
    const final = await agent.get('/courses/demo/evaluation').expect(200);
    const asked = askedIds(final.text);
    const passed = await agent
      .post('/courses/demo/evaluation/quiz')
      .type('form')
      .send({ _csrf: csrfOf(final.text), ...Object.fromEntries(asked.map((id) => [id, right[id]!])) })
      .expect(200);
    expect((await agent.get(passed.headers['content-location']!).expect(200)).text).toContain('Votre score : 100 %');
    const me = await agent.get('/me').expect(200);
    expect(me.text).toContain('évaluation finale : 100 %');
    expect(await t.store.count('certificates')).toBe(1);
  });
});
