import { afterEach, describe, expect, it } from 'vitest';
import { formToken } from '../../accounts/http/admin-app.ts';
import { completeCourse } from '../../certificates/http/complete-course.ts';
import { type SmtpTestServer, startSmtpServer } from '../../helpers/smtp-test-server.ts';
import { freePort } from '../../helpers/start-server.ts';
import { addUser, signIn } from '../../helpers/test-app.ts';
import { linkIn, mailConfig, mailWorker, openMailApp } from '../mail-test-app.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setUp(port?: number, extra = {}) {
  const smtpPort = port ?? (await freePort());
  const env = await openMailApp(mailConfig(`smtp://127.0.0.1:${smtpPort}`, extra));
  cleanups.push(env.close);
  return { env, smtpPort };
}

async function startSmtp(port: number): Promise<SmtpTestServer> {
  const smtp = await startSmtpServer({ port });
  cleanups.push(smtp.close);
  return smtp;
}

async function invite(env: Awaited<ReturnType<typeof openMailApp>>, email: string) {
  const res = await env.agent
    .post('/admin/users')
    .type('form')
    .send({
      _csrf: await formToken(env.agent, '/admin/users/new'),
      name: 'Chloé',
      email,
      structure: 'nord',
      role: 'learner',
    });
  expect(res.status).toBe(200);
}

describe('SMTP server down', () => {
  it('keeps the message queued while the app answers normally, then delivers it once when the server is back', async () => {
    const { env, smtpPort } = await setUp();
    await invite(env, 'chloe@exemple.org');
    expect(await env.worker.runOnce()).toBe(1);
    const [queued] = await env.t.store.findBy('emails', 'status', 'queued');
    expect(queued).toMatchObject({
      attempts: 1,
      leaseOwner: null,
      notBefore: new Date(env.t.now().getTime() + 60_000).toISOString(),
    });
    expect(queued!.lastError).toMatch(/ECONNREFUSED|connect/);
    // The admin sees why, and the app goes on answering.
    const page = await env.agent.get('/admin/emails?status=queued').expect(200);
    expect(page.text).toContain('chloe@exemple.org');
    expect(page.text).toContain('prochain essai le');

    const smtp = await startSmtp(smtpPort);
    expect(await env.worker.runOnce()).toBe(0); // the back-off holds it for a minute
    env.t.advance(60_000);
    expect(await env.worker.runOnce()).toBe(1);
    await smtp.waitFor(1);
    env.t.advance(3_600_000);
    await env.worker.runOnce();
    expect(smtp.received).toHaveLength(1);
    expect(await env.t.store.findBy('emails', 'status', 'sent')).toMatchObject([{ attempts: 2, lastError: null }]);
  });

  it('waits twice as long after each failure and marks the message failed after the last attempt, with « Renvoyer »', async () => {
    const { env, smtpPort } = await setUp(undefined, { maxAttempts: 3 });
    await invite(env, 'dan@exemple.org');
    const waits: number[] = [];
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      expect(await env.worker.runOnce()).toBe(1);
      const [row] = await env.t.store.findBy('emails', 'status', attempt < 3 ? 'queued' : 'failed');
      expect(row).toMatchObject({ attempts: attempt });
      if (attempt < 3) {
        waits.push(Date.parse(row!.notBefore) - env.t.now().getTime());
        env.t.advance(waits.at(-1)!);
      }
    }
    expect(waits).toEqual([60_000, 120_000]);
    const failed = await env.agent.get('/admin/emails?status=failed').expect(200);
    expect(failed.text).toContain('dan@exemple.org');
    expect(failed.text).toMatch(/ECONNREFUSED|connect/);
    const [row] = await env.t.store.findBy('emails', 'status', 'failed');

    // Without the form's token, nothing happens.
    await env.agent.post(`/admin/emails/${row!.id}/resend`).type('form').send({}).expect(403);
    const smtp = await startSmtp(smtpPort);
    const csrf = await formToken(env.agent, '/admin/emails?status=failed');
    const res = await env.agent.post(`/admin/emails/${row!.id}/resend`).type('form').send({ _csrf: csrf }).expect(303);
    expect(res.headers.location).toBe('/admin/emails?status=queued&done=resent');
    expect(await env.t.store.get('emails', row!.id)).toMatchObject({ status: 'queued', attempts: 0 });
    await env.worker.runOnce();
    expect((await smtp.waitFor(1))[0]!.envelopeTo).toEqual(['dan@exemple.org']);
    // A sent message cannot be sent again (its body is gone): 409.
    await env.agent.post(`/admin/emails/${row!.id}/resend`).type('form').send({ _csrf: csrf }).expect(409);
  });
});

describe('two workers on one outbox', () => {
  it('send each of 30 messages exactly once', async () => {
    const { env, smtpPort } = await setUp();
    const smtp = await startSmtp(smtpPort);
    const csv = ['nom;email;structure', ...Array.from({ length: 30 }, (_, i) => `P ${i};p${i}@exemple.org;Nord`)].join(
      '\n',
    );
    const csrf = await formToken(env.agent, '/admin/users/import');
    await env.agent.post('/admin/users/import').type('form').send({ _csrf: csrf, csv }).expect(200);
    const second = mailWorker(env.t.store, () => env.t.now(), mailConfig(`smtp://127.0.0.1:${smtpPort}`));
    cleanups.push(async () => second.close());
    for (let pass = 0; pass < 4; pass += 1) await Promise.all([env.worker.runOnce(), second.worker.runOnce()]);
    await smtp.waitFor(30);
    const recipients = smtp.received.flatMap((m) => m.envelopeTo);
    expect(recipients).toHaveLength(30);
    expect(new Set(recipients).size).toBe(30);
    expect(await env.t.store.findBy('emails', 'status', 'sent')).toHaveLength(30);
  });
});

describe('the certificate e-mail', () => {
  it('tells the learner, with the link to their certificate and the public verification link', async () => {
    const { env, smtpPort } = await setUp();
    const smtp = await startSmtp(smtpPort);
    const learner = await addUser(env.t, 'learner', { email: 'lea@exemple.org' });
    const agent = await signIn(env.t, learner);
    const certificateId = await completeCourse(env.t, agent);
    await env.worker.runOnce();
    const [mail] = await smtp.waitFor(1);
    expect(mail!.envelopeTo).toEqual(['lea@exemple.org']);
    expect(mail!.parsed.subject).toMatch(/^Votre attestation : /);
    expect(linkIn(mail!.parsed.text, 'certificates')).toBe(`/certificates/${certificateId}`);
    await agent.get(linkIn(mail!.parsed.text, 'certificates')).expect(200);
    const verify = await agent.get(linkIn(mail!.parsed.text, 'verify')).expect(200);
    expect(verify.text).toContain('valide');
  });
});
