import { afterEach, describe, expect, it } from 'vitest';
import { openAdminApp } from '../../accounts/http/admin-app.ts';
import { type SmtpTestServer, startSmtpServer } from '../../helpers/smtp-test-server.ts';
import { addUser, signIn, type TestApp } from '../../helpers/test-app.ts';
import { mailConfig, openMailApp } from '../mail-test-app.ts';

let close: () => Promise<void> = async () => {};
afterEach(() => close());

describe('/admin/emails', () => {
  it('is for administrators only, and says when e-mail is not configured (links are then shown)', async () => {
    const { t, agent } = await openAdminApp();
    close = () => t.close();
    const page = await agent.get('/admin/emails').expect(200);
    expect(page.text).toContain('L’envoi d’e-mails n’est pas configuré');
    expect(page.text).toContain('Aucun e-mail dans cette liste.');
    for (const role of ['learner', 'trainer', 'hr'] as const) {
      const other = await signIn(t, await addUser(t as TestApp, role));
      await other.get('/admin/emails').expect(403);
    }
    const users = await agent.get('/admin/users').expect(200);
    expect(users.text).toContain('<a href="/admin/emails">E-mails</a>');
  });

  it('names the sender when e-mail is configured', async () => {
    const env = await openMailApp(mailConfig('smtp://127.0.0.1:1'));
    close = env.close;
    const page = await env.agent.get('/admin/emails').expect(200);
    expect(page.text).toContain('expéditeur : Passerelle &lt;formation@exemple.org&gt;');
  });
});

describe('STARTTLS', () => {
  let smtp: SmtpTestServer;
  afterEach(() => smtp.close());

  it('is used when the server offers it (smtp://)', async () => {
    smtp = await startSmtpServer({ starttls: true });
    // The test server's certificate is self-signed: the URL's tls.* options reach nodemailer.
    const env = await openMailApp(mailConfig(`${smtp.url}/?tls.rejectUnauthorized=false`));
    close = env.close;
    const learner = await addUser(env.t, 'learner', { email: 'tls@exemple.org' });
    const csrf = /name="_csrf" value="([^"]+)"/.exec((await env.agent.get(`/admin/users/${learner.id}`)).text)![1];
    await env.agent.post(`/admin/users/${learner.id}/reset-link`).type('form').send({ _csrf: csrf }).expect(200);
    await env.worker.runOnce();
    const [mail] = await smtp.waitFor(1);
    expect(mail!.secure).toBe(true);
  });
});
