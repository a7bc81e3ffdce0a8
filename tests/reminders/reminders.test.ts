import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { User } from '../../server/accounts/schema.ts';
import { DailyScheduler } from '../../server/reminders/daily-scheduler.ts';
import { unsubscribeKey } from '../../server/reminders/unsubscribe-token.ts';
import { runDailyJob } from '../../server/reminders/use-cases/run-daily-job.ts';
import { silentLog } from '../../server/shared/log.ts';
import { formToken } from '../accounts/http/admin-app.ts';
import { completeCourse } from '../certificates/http/complete-course.ts';
import { type SmtpTestServer, startSmtpServer } from '../helpers/smtp-test-server.ts';
import { addUser, csrfOf, signIn } from '../helpers/test-app.ts';
import { testConfig } from '../helpers/test-config.ts';
import { linkIn, mailConfig, openMailApp } from '../mail/mail-test-app.ts';

let smtp: SmtpTestServer;
let env: Awaited<ReturnType<typeof openMailApp>>;
let hrUser: Readonly<User>;
const key = unsubscribeKey('test-secret');

beforeEach(async () => {
  smtp = await startSmtpServer();
  env = await openMailApp(mailConfig(smtp.url)); // Monday 23 November 2026, 10:00 in Paris
  hrUser = await addUser(env.t, 'hr', { name: 'Hélène RH', email: 'rh@exemple.org', structure: 'Siège' });
});
afterEach(async () => {
  await env.close();
  await smtp.close();
});

function job(reminders: Partial<ReturnType<typeof testConfig>['reminders']> = {}) {
  const config = testConfig({ mail: mailConfig(smtp.url) });
  return runDailyJob({
    store: env.t.store,
    clock: () => env.t.now(),
    config: { ...config, reminders: { ...config.reminders, ...reminders } },
    unsubscribeKey: key,
  });
}

/** Moves the clock to 09:00 in Paris on that day. */
function goTo(day: string) {
  env.t.advance(Date.parse(`${day}T08:00:00Z`) - env.t.now().getTime());
}

async function assignToSouth(dueDate: string) {
  const hr = await signIn(env.t, hrUser);
  const csrf = await formToken(hr, '/hr/assignments/new');
  await hr
    .post('/hr/assignments')
    .type('form')
    .send({ _csrf: csrf, course: 'demo', target: 'structure', structure: 'Foyer Sud', dueDate })
    .expect(303);
  return hr;
}

async function delivered() {
  while ((await env.worker.runOnce()) > 0);
  return smtp.received.map((m) => ({ to: m.envelopeTo.join(), subject: m.parsed.subject, text: m.parsed.text ?? '' }));
}

describe('reminders of an assigned training', () => {
  it('go 7 days before, on the due date, then weekly while late; never twice a day; never after completion', async () => {
    await addUser(env.t, 'learner', { name: 'Ana', email: 'ana@exemple.org', structure: 'Foyer Sud' });
    const ben = await addUser(env.t, 'learner', { name: 'Ben', email: 'ben@exemple.org', structure: 'Foyer Sud' });
    await assignToSouth('2026-12-10');
    expect(await job()).toEqual({ reminders: 0, digests: 0, commitments: 0, removed: 0 });
    goTo('2026-12-02');
    expect((await job()).reminders).toBe(0);
    goTo('2026-12-03');
    expect((await job()).reminders).toBe(2);
    expect((await job()).reminders).toBe(0); // the same day again: nothing twice
    const first = await delivered();
    expect(first.map((m) => m.to).sort()).toEqual(['ana@exemple.org', 'ben@exemple.org']);
    expect(first[0]!.subject).toBe('Rappel : « Cours de démonstration » à terminer avant le 10 décembre 2026');
    expect(linkIn(first[0]!.text, 'courses/demo')).toBe('/courses/demo/resume');

    await completeCourse(env.t, await signIn(env.t, ben));
    goTo('2026-12-10');
    expect((await job()).reminders).toBe(1);
    goTo('2026-12-11');
    expect((await job()).reminders).toBe(0);
    goTo('2026-12-17');
    expect((await job()).reminders).toBe(1);
    const reminders = (await delivered()).filter((m) => !m.subject?.startsWith('Votre attestation'));
    expect(reminders.map((m) => m.to)).toEqual([...first.map((m) => m.to), 'ana@exemple.org', 'ana@exemple.org']);
    expect(reminders.at(-1)!.subject).toBe('En retard : « Cours de démonstration » (date limite : 10 décembre 2026)');
    expect(reminders.at(-2)!.subject).toBe('Rappel : « Cours de démonstration » à terminer avant le 10 décembre 2026');
  });

  it('stop at REMINDER_MAX, and when the assignment is withdrawn', async () => {
    await addUser(env.t, 'learner', { email: 'cleo@exemple.org', structure: 'Foyer Sud' });
    await assignToSouth('2026-12-10');
    let sent = 0;
    for (const day of ['2026-12-03', '2026-12-10', '2026-12-17', '2026-12-24']) {
      goTo(day);
      sent += (await job({ max: 2 })).reminders;
    }
    expect(sent).toBe(2);
    // Withdrawn: nothing any more, whatever the schedule says.
    goTo('2026-12-31');
    const [assignment] = await env.t.store.findBy('assignments', 'status', 'active');
    const again = await signIn(env.t, hrUser);
    const csrf = await formToken(again, `/hr/assignments/${assignment!.id}/withdraw`);
    await again.post(`/hr/assignments/${assignment!.id}/withdraw`).type('form').send({ _csrf: csrf }).expect(303);
    expect((await job({ max: 10 })).reminders).toBe(0);
  });
});

describe('the unsubscribe link', () => {
  it('works without signing in, asks with a button (a link opened by a scanner changes nothing), and stops reminders', async () => {
    await addUser(env.t, 'learner', { email: 'dora@exemple.org', structure: 'Foyer Sud' });
    await assignToSouth('2026-12-10');
    goTo('2026-12-03');
    await job();
    const [mail] = await delivered();
    const path = linkIn(mail!.text, 'unsubscribe');
    expect(String(smtp.received[0]!.parsed.html)).toContain(`href="http://localhost:3000${path}"`);

    const visitor = request.agent(env.t.app);
    const page = await visitor.get(path).expect(200);
    expect(page.text).toContain('Ne plus recevoir de rappels');
    goTo('2026-12-10');
    expect((await job()).reminders).toBe(1); // opening the page turned nothing off
    await visitor.post(path).type('form').send({ reminders: 'off' }).expect(403); // the form's token is needed
    const done = await visitor
      .post(path)
      .type('form')
      .send({ _csrf: csrfOf(page.text), reminders: 'off' })
      .expect(200);
    expect(done.text).toContain('vous ne recevrez plus de rappels');
    goTo('2026-12-17');
    expect((await job()).reminders).toBe(0);

    // A token changed by one character leads nowhere.
    const forged = `${path.slice(0, -1)}${path.endsWith('A') ? 'B' : 'A'}`;
    await request(env.t.app).get(forged).expect(404);
  });
});

describe('the HR digest', () => {
  it('goes once a day to HR who asked for it, with counts and no names, only when someone is late', async () => {
    await addUser(env.t, 'learner', { name: 'Émile Retard', email: 'emile@exemple.org', structure: 'Foyer Sud' });
    const hr = await assignToSouth('2026-12-10');
    const csrf = await formToken(hr, '/hr/digest');
    await hr.post('/hr/digest').type('form').send({ _csrf: csrf, digest: 'on' }).expect(303);
    expect((await hr.get('/hr/digest').expect(200)).text).toMatch(/id="digest-on" name="digest" value="on" checked/);
    goTo('2026-12-10');
    expect((await job()).digests).toBe(0); // due today: nobody late yet
    goTo('2026-12-11');
    expect((await job()).digests).toBe(1);
    expect((await job()).digests).toBe(0);
    const digest = (await delivered()).find((m) => m.to === 'rh@exemple.org')!;
    expect(digest.subject).toBe('Formations assignées : 1 retard(s)');
    expect(digest.text).toContain(
      '« Cours de démonstration » (date limite : 10 décembre 2026) : 1 personne(s) en retard',
    );
    expect(digest.text).not.toContain('Émile');
  });
});

describe('the daily scheduler', () => {
  it('runs the job once a day across two instances, and not before DAILY_JOB_HOUR', async () => {
    await addUser(env.t, 'learner', { email: 'eve@exemple.org', structure: 'Foyer Sud' });
    await assignToSouth('2026-12-10');
    const config = testConfig({ mail: mailConfig(smtp.url) });
    const scheduler = () =>
      new DailyScheduler({ store: env.t.store, clock: () => env.t.now(), config, unsubscribeKey: key, log: silentLog });
    const [a, b] = [scheduler(), scheduler()];
    env.t.advance(Date.parse('2026-12-03T05:00:00Z') - env.t.now().getTime()); // 06:00 in Paris
    await Promise.all([a.tick(), b.tick()]);
    expect(await env.t.store.get('jobRuns', 'daily')).toBeUndefined();
    env.t.advance(60 * 60_000); // 07:00 in Paris
    await Promise.all([a.tick(), b.tick()]);
    expect(await env.t.store.get('jobRuns', 'daily')).toMatchObject({ lastRunDate: '2026-12-03', leaseOwner: null });
    expect(await env.t.store.findBy('emails', 'status', 'queued')).toHaveLength(1);
    await Promise.all([a.tick(), b.tick()]);
    expect(await env.t.store.count('notices')).toBe(1);
  });
});
