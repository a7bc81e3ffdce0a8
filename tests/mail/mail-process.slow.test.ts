// The real server process with e-mail configured: a kill -9 between the commit of an invitation and its
// sending loses nothing and sends nothing twice, whether the worker had not yet claimed the message or
// was in the middle of sending it (its lease then runs out and the restarted process takes it over).
import net from 'node:net';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { type SmtpTestServer, startSmtpServer } from '../helpers/smtp-test-server.ts';
import { freePort, type RunningServer, startServer } from '../helpers/start-server.ts';
import { addUser, createTestApp, csrfOf, testPassword } from '../helpers/test-app.ts';

const admin = { name: 'Alice Admin', email: 'alice@exemple.org' };
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function seedAdmin(dataDir: string) {
  const t = await createTestApp({ dataDir });
  try {
    await addUser(t, 'admin', admin);
  } finally {
    await t.close();
  }
}

function mailEnv(smtpPort: number) {
  return {
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    MAIL_FROM: 'Passerelle <formation@exemple.org>',
    MAIL_RETRY_SECONDS: '1',
    MAIL_LEASE_SECONDS: '6',
  };
}

async function start(options: Parameters<typeof startServer>[0]): Promise<RunningServer> {
  const server = await startServer(options);
  cleanups.push(() => server.stop());
  return server;
}

async function inviteOver(server: RunningServer, email: string) {
  const agent = request.agent(server.baseUrl);
  const login = await agent.get('/login').expect(200);
  await agent
    .post('/login')
    .type('form')
    .send({ _csrf: csrfOf(login.text), email: admin.email, password: testPassword, next: '/me' })
    .expect(303);
  const form = await agent.get('/admin/users/new').expect(200);
  const res = await agent
    .post('/admin/users')
    .type('form')
    .send({ _csrf: csrfOf(form.text), name: 'Nouvelle Personne', email, structure: 'reseau', role: 'learner' })
    .expect(200);
  expect(res.text).toContain('mis en file d’envoi');
}

async function smtpOn(port: number): Promise<SmtpTestServer> {
  const smtp = await startSmtpServer({ port });
  cleanups.push(() => smtp.close());
  return smtp;
}

describe('kill -9 between the commit and the sending', () => {
  it('delivers a message the worker had not claimed yet, once, after the restart', async () => {
    const smtpPort = await freePort();
    // No SMTP server yet: the message cannot leave before the kill.
    const first = await start({ seed: seedAdmin, env: mailEnv(smtpPort) });
    await inviteOver(first, 'avant-envoi@exemple.org');
    await first.kill();

    const smtp = await smtpOn(smtpPort);
    const second = await start({ dataDir: first.dataDir, env: mailEnv(smtpPort) });
    await smtp.waitFor(1, 20_000);
    expect(smtp.received[0]!.envelopeTo).toEqual(['avant-envoi@exemple.org']);
    // Stopped and started again: nothing is sent a second time.
    expect(await second.stop()).toBe(0);
    const third = await start({ dataDir: first.dataDir, env: mailEnv(smtpPort) });
    await new Promise((r) => setTimeout(r, 4_000));
    expect(smtp.received).toHaveLength(1);
    expect(third.output()).not.toContain('avant-envoi@exemple.org');
  }, 60_000);

  it('takes over a message whose sender died mid-send once its lease has run out, and sends it once', async () => {
    const smtpPort = await freePort();
    // An SMTP server that accepts the connection and never greets: the worker is stuck in the send.
    let connected!: () => void;
    const connection = new Promise<void>((resolve) => {
      connected = resolve;
    });
    const sockets: net.Socket[] = [];
    const silent = net.createServer((socket) => {
      sockets.push(socket);
      connected();
    });
    await new Promise<void>((resolve) => silent.listen(smtpPort, '127.0.0.1', resolve));
    const first = await start({ seed: seedAdmin, env: mailEnv(smtpPort) });
    await inviteOver(first, 'pendant-envoi@exemple.org');
    await connection;
    await first.kill();
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));

    const smtp = await smtpOn(smtpPort);
    const restartedAt = Date.now();
    await start({ dataDir: first.dataDir, env: mailEnv(smtpPort) });
    await smtp.waitFor(1, 20_000);
    expect(smtp.received[0]!.envelopeTo).toEqual(['pendant-envoi@exemple.org']);
    await new Promise((r) => setTimeout(r, 3_000));
    expect(smtp.received).toHaveLength(1);
    expect(Date.now() - restartedAt).toBeLessThan(20_000);
  }, 60_000);
});
