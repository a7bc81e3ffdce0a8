import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeStructure } from '../../../server/structures/tree-revision.ts';
import { choosePassword, formToken } from '../../accounts/http/admin-app.ts';
import { type SmtpTestServer, startSmtpServer } from '../../helpers/smtp-test-server.ts';
import { addUser, csrfOf, testPassword } from '../../helpers/test-app.ts';
import { linkIn, mailConfig, openMailApp } from '../mail-test-app.ts';

let smtp: SmtpTestServer;
let env: Awaited<ReturnType<typeof openMailApp>>;

beforeEach(async () => {
  smtp = await startSmtpServer({ auth: { user: 'passerelle', pass: 'secret p@ss' } });
  env = await openMailApp(mailConfig(smtp.url));
});
afterEach(async () => {
  await env.close();
  await smtp.close();
});

async function invite(email: string) {
  return env.agent
    .post('/admin/users')
    .type('form')
    .send({
      _csrf: await formToken(env.agent, '/admin/users/new'),
      name: 'Jean Moulin',
      email,
      structure: 'foyer-sud',
      matricule: '',
      role: 'learner',
    });
}

describe('invitation by e-mail', () => {
  it('queues the message with the account, tells the admin without showing the link, and the link sets a password', async () => {
    const res = await invite('jean.moulin@exemple.org');
    expect(res.status).toBe(200);
    expect(res.text).toContain('Un e-mail contenant le lien a été mis en file d’envoi pour jean.moulin@exemple.org');
    expect(res.text).not.toContain('/invitations/');
    const [queued] = await env.t.store.findBy('emails', 'status', 'queued');
    expect(queued).toMatchObject({ kind: 'invitation', to: 'jean.moulin@exemple.org', attempts: 0 });

    expect(await env.worker.runOnce()).toBe(1);
    const [mail] = await smtp.waitFor(1);
    expect(mail!.user).toBe('passerelle');
    expect(mail!.envelopeTo).toEqual(['jean.moulin@exemple.org']);
    expect(mail!.parsed.from?.value).toEqual([{ name: 'Passerelle', address: 'formation@exemple.org' }]);
    expect(mail!.parsed.subject).toBe('Votre accès à Passerelle (Passerelle)');
    expect(mail!.parsed.text).toContain('Pour choisir votre mot de passe, ouvrez ce lien');
    expect(mail!.parsed.text).toContain('il expire le 30 novembre 2026 à 10:00');
    // The HTML part is light: a link to the app, nothing fetched from anywhere.
    const html = String(mail!.parsed.html);
    expect(html).toMatch(/<a href="http:\/\/localhost:3000\/invitations\/[\w-]+">Choisir mon mot de passe<\/a>/);
    expect(html).not.toMatch(/<img|src=|<link|url\(/i);
    expect(mail!.parsed.messageId).toBe(`<${queued!.id}@localhost>`);

    const person = request.agent(env.t.app);
    const chosen = await choosePassword(person, linkIn(mail!.parsed.text, 'invitations'), 'un mot de passe bien à moi');
    expect(chosen.status).toBe(303);
    expect((await person.get('/me').expect(200)).text).toContain('Jean Moulin');

    const [sent] = await env.t.store.findBy('emails', 'status', 'sent');
    expect(sent).toMatchObject({ id: queued!.id, attempts: 1, text: '', html: '', sentAt: env.t.now().toISOString() });
    expect(await env.worker.runOnce()).toBe(0);
    expect(smtp.received).toHaveLength(1);
  });

  it('sends one message per person of an imported staff list', async () => {
    const csrf = await formToken(env.agent, '/admin/users/import');
    const csv = 'nom;email;structure\nAnne Un;anne@exemple.org;Nord\nBruno Deux;bruno@exemple.org;Sud';
    const res = await env.agent.post('/admin/users/import').type('form').send({ _csrf: csrf, csv }).expect(200);
    expect(res.text).toContain('Chaque personne reçoit son lien par e-mail');
    expect(res.text).not.toContain('/invitations/');
    await env.worker.runOnce();
    const mails = await smtp.waitFor(2);
    expect(mails.flatMap((m) => m.envelopeTo).sort()).toEqual(['anne@exemple.org', 'bruno@exemple.org']);
  });
});

async function signInStatus(email: string, password: string) {
  const agent = request.agent(env.t.app);
  const page = await agent.get('/login');
  return (
    await agent
      .post('/login')
      .type('form')
      .send({ _csrf: csrfOf(page.text), email, password })
  ).status;
}

describe('reset link by e-mail', () => {
  it('goes to the person, and the link changes the password', async () => {
    const bob = await addUser(env.t, 'learner', { name: 'Bob', email: 'bob@exemple.org' });
    const csrf = await formToken(env.agent, `/admin/users/${bob.id}`);
    const res = await env.agent
      .post(`/admin/users/${bob.id}/reset-link`)
      .type('form')
      .send({ _csrf: csrf })
      .expect(200);
    expect(res.text).toContain('mis en file d’envoi pour bob@exemple.org');
    expect(res.text).not.toContain('/reset/');
    await env.worker.runOnce();
    const [mail] = await smtp.waitFor(1);
    expect(mail!.envelopeTo).toEqual(['bob@exemple.org']);
    expect(mail!.parsed.subject).toBe('Réinitialisation de votre mot de passe Passerelle');

    const person = request.agent(env.t.app);
    const chosen = await choosePassword(person, linkIn(mail!.parsed.text, 'reset'), 'une toute nouvelle phrase');
    expect(chosen.status).toBe(303);
    expect(await signInStatus('bob@exemple.org', testPassword)).toBe(401);
    expect(await signInStatus('bob@exemple.org', 'une toute nouvelle phrase')).toBe(303);
  });
});

describe('the face of the person’s structure', () => {
  it('signs the invitation with the structure’s name, and colours its HTML with the structure’s colour', async () => {
    const sud = await env.t.store.get('structures', 'foyer-sud');
    await env.t.store.transact((tx) => {
      writeStructure(tx, { ...sud!, name: 'Foyer Sud', colour: '#8a1c1c' });
    });
    await invite('lucie.aubrac@exemple.org');
    expect(await env.worker.runOnce()).toBe(1);
    const [mail] = await smtp.waitFor(1);
    expect(mail!.parsed.subject).toBe('Votre accès à Passerelle (Foyer Sud)');
    expect(mail!.parsed.text).toContain('Foyer Sud');
    expect(mail!.parsed.html).toContain(
      '<p style="border-top:4px solid #8a1c1c;padding-top:8px"><strong style="color:#8a1c1c">Foyer Sud</strong></p>',
    );
    expect(mail!.parsed.html).toMatch(/<a href="http:\/\/localhost:3000\/invitations\/[\w-]+" style="color:#8a1c1c">/);
  });
});
