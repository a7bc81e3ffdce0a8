import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { User } from '../../server/accounts/schema.ts';
import { saveCommitment } from '../../server/commitments/use-cases/save-commitment.ts';
import { unsubscribeKey } from '../../server/reminders/unsubscribe-token.ts';
import { runDailyJob } from '../../server/reminders/use-cases/run-daily-job.ts';
import { type SmtpTestServer, startSmtpServer } from '../helpers/smtp-test-server.ts';
import { addUser, csrfOf, signIn } from '../helpers/test-app.ts';
import { testConfig } from '../helpers/test-config.ts';
import { linkIn, mailConfig, openMailApp } from '../mail/mail-test-app.ts';

let smtp: SmtpTestServer;
let env: Awaited<ReturnType<typeof openMailApp>>;
let ines: Readonly<User>;
const day = 24 * 3600_000;
const secret = 'Demander « Qu’utilisez-vous déjà ? » à chaque accueil';

beforeEach(async () => {
  smtp = await startSmtpServer();
  env = await openMailApp(mailConfig(smtp.url)); // Monday 23 November 2026, 10:00 in Paris
  ines = await addUser(env.t, 'learner', { name: 'Inès', email: 'ines@exemple.org' });
});
afterEach(async () => {
  await env.close();
  await smtp.close();
});

const job = () =>
  runDailyJob({
    store: env.t.store,
    clock: () => env.t.now(),
    config: testConfig({ mail: mailConfig(smtp.url) }),
    unsubscribeKey: unsubscribeKey('test-secret'),
  });

async function delivered() {
  while ((await env.worker.runOnce()) > 0);
  return smtp.received.map((m) => ({ to: m.envelopeTo.join(), subject: m.parsed.subject, text: m.parsed.text ?? '' }));
}

const commit = (userId: string, remind = true) =>
  saveCommitment(
    { store: env.t.store, clock: () => env.t.now() },
    { userId, course: 'demo', courseTitle: 'Cours de démonstration', text: secret, remind },
  );

describe('the reminder of a commitment, by e-mail', () => {
  it('is offered as an e-mail to the learner’s address when e-mail is configured', async () => {
    const agent = await signIn(env.t, ines);
    const form = await agent.get('/me/engagements/demo').expect(200);
    expect(form.text).toContain('Un e-mail vous sera envoyé à ines@exemple.org le 23 décembre 2026');
    await agent
      .post('/me/engagements/demo')
      .type('form')
      .send({ _csrf: csrfOf(form.text), text: secret, remind: 'on' })
      .expect(303);
    expect((await env.t.store.findBy('commitments', 'userId', ines.id))[0]?.remindAt).toBe('2026-12-23T09:00:00.000Z');
  });

  it('goes out through the outbox 30 days later, once, without quoting the text, and links to it', async () => {
    await commit(ines.id);
    env.t.advance(29 * day);
    expect((await job()).commitments).toBe(0);
    env.t.advance(day);
    expect((await job()).commitments).toBe(1);
    expect((await job()).commitments).toBe(0); // the same day again
    env.t.advance(day);
    expect((await job()).commitments).toBe(0); // and the next days
    const mails = await delivered();
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to).toBe('ines@exemple.org');
    expect(mails[0]!.subject).toBe('Votre rappel : ce que vous vouliez essayer après « Cours de démonstration »');
    expect(mails[0]!.text).not.toContain('utilisez-vous');
    expect(String(smtp.received[0]!.parsed.html)).not.toContain('utilisez-vous');
    expect(linkIn(mails[0]!.text, 'me/engagements')).toBe('/me/engagements/demo');
    const [row] = await env.t.store.findBy('commitments', 'userId', ines.id);
    expect(row?.remindedAt).toBe('2026-12-23T09:00:00.000Z');
  });

  it('is sent once when two instances run the job at the same moment', async () => {
    await commit(ines.id);
    env.t.advance(31 * day);
    const [a, b] = await Promise.all([job(), job()]);
    expect(a.commitments + b.commitments).toBe(1);
    expect(await delivered()).toHaveLength(1);
  });

  it('is not sent when not asked for, nor to a deactivated account, nor without e-mail configured', async () => {
    const noMail = await runDailyJob({
      store: env.t.store,
      clock: () => new Date(env.t.now().getTime() + 31 * day),
      config: testConfig({ mail: undefined }),
      unsubscribeKey: unsubscribeKey('test-secret'),
    });
    expect(noMail.commitments).toBe(0);
    await commit(ines.id, false);
    const gone = await addUser(env.t, 'learner', { email: 'parti@exemple.org' });
    await commit(gone.id);
    await env.t.store.transact(async (tx) => {
      tx.put('users', { ...(await tx.get('users', gone.id))!, active: false });
    });
    env.t.advance(31 * day);
    expect((await job()).commitments).toBe(0);
    expect(await delivered()).toEqual([]);
  });
});
