import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { replaceAddressScript } from '../../../server/learning/replace-address.ts';
import { eachStore, openedOnStore } from '../../helpers/each-store.ts';
import { addUser, csrfOf, signIn, type TestApp } from '../../helpers/test-app.ts';

// The demo course: « premier » has a quiz with no attempt limit, « evaluation » allows 3 attempts.
const rightFirst = { q1: 'c2', q2: ['c1', 'c2'], q3: 'c2', q4: 'WhatsApp' };
const wrongFirst = { q1: 'c1', q2: ['c1'], q3: 'c1', q4: 'Facebook' };
const wrongFinal = { q1: 'trois', q2: 'c1' };

const attemptField = (html: string) => /<input type="hidden" name="_attempt" value="(\d+)">/.exec(html)?.[1];
const attemptsOf = async (t: TestApp, userId: string, module: string) =>
  (await t.store.findBy('attempts', 'userId', userId)).filter((a) => a.module === module);

describe.each(eachStore)('the answer to a quiz on the %s store', (kind) => {
  const open = openedOnStore();

  it('is the result page itself, naming its attempt, with the one script that gives it that address', async () => {
    const t = await open(kind);
    const learner = await addUser(t);
    const agent = await signIn(t, learner);
    const page = await agent.get('/courses/demo/premier').expect(200);
    expect(attemptField(page.text)).toBe('0');
    const answer = await agent
      .post('/courses/demo/premier/quiz')
      .type('form')
      .send({ _csrf: csrfOf(page.text), _attempt: attemptField(page.text), ...wrongFirst })
      .expect(200);
    const [attempt] = await attemptsOf(t, learner.id, 'premier');
    const address = `/courses/demo/premier/attempts/${attempt!.id}`;
    expect(answer.headers['content-location']).toBe(address);
    expect(answer.text).toContain('Votre score : 0 %');
    expect(answer.text).toContain(`<script data-address="${address}">${replaceAddressScript}</script>`);
    // The policy lets in that script by its hash, and no other inline script.
    const hash = createHash('sha256').update(replaceAddressScript).digest('base64');
    expect(answer.headers['content-security-policy']).toMatch(
      new RegExp(`script-src 'self' 'sha256-${hash.replace(/[+/]/g, '\\$&')}';`),
    );
    expect(answer.headers['cache-control']).toBe('no-store');

    // The attempt's own address shows the same result, without the script.
    const shown = await agent.get(address).expect(200);
    expect(shown.text).toContain('Votre score : 0 %');
    expect(shown.text).not.toContain('<script');
    expect(shown.headers['content-security-policy']).toContain("script-src 'self';");
    // The module's form now counts that attempt (the page comes from the shared rendering).
    expect(attemptField((await agent.get('/courses/demo/premier').expect(200)).text)).toBe('1');
  });

  it('records one attempt when the same form is sent twice, at once or later, and shows that attempt', async () => {
    const t = await open(kind);
    const learner = await addUser(t);
    const agent = await signIn(t, learner);
    const page = await agent.get('/courses/demo/premier').expect(200);
    // A form shown again with what is missing (rendered in full, not from the shared rendering) keeps its count.
    const incomplete = await agent
      .post('/courses/demo/premier/quiz')
      .type('form')
      .send({ _csrf: csrfOf(page.text), _attempt: attemptField(page.text), q1: 'c1' })
      .expect(400);
    expect(attemptField(incomplete.text)).toBe('0');
    const form = { _csrf: csrfOf(page.text), _attempt: attemptField(page.text)!, ...wrongFirst };
    const send = () => agent.post('/courses/demo/premier/quiz').type('form').send(form);
    // A double tap on a slow link: both arrive before either is answered.
    const [first, second] = await Promise.all([send(), send()]);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(second.headers['content-location']).toBe(first.headers['content-location']);
    // A reload of the answer without scripts: the browser sends the form again.
    const later = await send().expect(200);
    expect(later.headers['content-location']).toBe(first.headers['content-location']);
    expect(later.text).toContain('Votre score : 0 %');
    expect(await attemptsOf(t, learner.id, 'premier')).toHaveLength(1);

    // The next form makes the next attempt; a form claiming attempts that do not exist is taken as new.
    const retry = await agent.get('/courses/demo/premier').expect(200);
    expect(attemptField(retry.text)).toBe('1');
    await agent
      .post('/courses/demo/premier/quiz')
      .type('form')
      .send({ _csrf: csrfOf(retry.text), _attempt: '1', ...rightFirst })
      .expect(200);
    await agent
      .post('/courses/demo/premier/quiz')
      .type('form')
      .send({ _csrf: csrfOf(retry.text), _attempt: '9', ...rightFirst })
      .expect(200);
    expect((await attemptsOf(t, learner.id, 'premier')).map((a) => a.score)).toEqual([0, 100, 100]);
  });

  it('records a form of the same moment answered otherwise (another tab) as a new attempt', async () => {
    const t = await open(kind);
    const learner = await addUser(t);
    const agent = await signIn(t, learner);
    const page = await agent.get('/courses/demo/premier').expect(200);
    const shown = { _csrf: csrfOf(page.text), _attempt: attemptField(page.text)! };
    const first = await agent
      .post('/courses/demo/premier/quiz')
      .type('form')
      .send({ ...shown, ...wrongFirst })
      .expect(200);
    // The same page, kept open in a second tab, answered right and sent after the first one.
    const second = await agent
      .post('/courses/demo/premier/quiz')
      .type('form')
      .send({ ...shown, ...rightFirst })
      .expect(200);
    expect(second.headers['content-location']).not.toBe(first.headers['content-location']);
    expect(second.text).toContain('Votre score : 100 %');
    expect((await attemptsOf(t, learner.id, 'premier')).map((a) => a.score).sort()).toEqual([0, 100]);
  });

  it('shows the last allowed attempt again instead of refusing it, and still refuses a new form', async () => {
    const t = await open(kind);
    const learner = await addUser(t);
    const agent = await signIn(t, learner);
    let last: { _csrf: string; _attempt: string } | undefined;
    for (let i = 0; i < 3; i++) {
      const page = await agent.get('/courses/demo/evaluation').expect(200);
      last = { _csrf: csrfOf(page.text), _attempt: attemptField(page.text)! };
      await agent
        .post('/courses/demo/evaluation/quiz')
        .type('form')
        .send({ ...last, ...wrongFinal })
        .expect(200);
    }
    expect(last!._attempt).toBe('2');
    const again = await agent
      .post('/courses/demo/evaluation/quiz')
      .type('form')
      .send({ ...last!, ...wrongFinal })
      .expect(200);
    const attempts = await attemptsOf(t, learner.id, 'evaluation');
    expect(attempts).toHaveLength(3);
    // The test's clock stands still: the three attempts share their time, and hold the same answers.
    expect(attempts.map((a) => `/courses/demo/evaluation/attempts/${a.id}`)).toContain(
      again.headers['content-location'],
    );
    // Without the field (a form from before this rule), the limit answers as before.
    await agent
      .post('/courses/demo/evaluation/quiz')
      .type('form')
      .send({ _csrf: last!._csrf, ...wrongFinal })
      .expect(409);
  });
});
