import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../../server/accounts/schema.ts';
import { addUser, createTestApp, csrfOf, signIn, type TestApp } from '../../helpers/test-app.ts';
import { decodeQrCode } from '../decode-qr-code.ts';
import { runPoppler, skipWithoutPoppler } from '../run-poppler.ts';
import { type Agent, completeCourse } from './complete-course.ts';

describe('certificates', () => {
  let t: TestApp;
  let learner: Readonly<User>;
  let agent: Agent;
  let certificateId: string;
  let token: string;
  let shortCode: string;
  let dir: string;

  beforeAll(async () => {
    t = await createTestApp({
      config: {
        org: { name: 'Association Les Tisserands', city: 'Roubaix' },
        baseUrl: 'https://formation.exemple.org',
      },
    });
    learner = await addUser(t, 'learner', {
      name: 'Zoé Lefèvre-N’Diaye',
      matricule: 'MAT-778',
      email: 'zoe.lefevre@exemple.org',
    });
    agent = await signIn(t, learner);
    certificateId = await completeCourse(t, agent);
    const certificate = await t.store.get('certificates', certificateId);
    token = certificate!.token;
    shortCode = certificate!.snapshot.shortCode;
    dir = await mkdtemp(path.join(os.tmpdir(), 'passerelle-cert-http-'));
  });
  afterAll(async () => {
    await t.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('is issued once at completion with a frozen snapshot', async () => {
    const all = await t.store.findBy('certificates', 'userId', learner.id);
    expect(all).toHaveLength(1);
    const [c] = all;
    expect(c?.snapshot).toMatchObject({
      learnerName: 'Zoé Lefèvre-N’Diaye',
      courseTitle: 'Cours de démonstration',
      courseVersion: 2,
      declaredMinutes: 25,
      measuredMinutes: 6,
      score: 100,
      passMark: 80,
      issuer: { name: 'Association Les Tisserands', city: 'Roubaix' },
    });
    expect(c?.token).toMatch(/^[\w-]{22,}$/);
    // Visiting the course again issues nothing more.
    await agent.get('/courses/demo/premier').expect(200);
    expect(await t.store.findBy('certificates', 'userId', learner.id)).toHaveLength(1);
    expect(
      (await t.store.findBy('audit', 'actorId', null as never)).some((a) => a.action === 'certificate.issued'),
    ).toBe(true);
  });

  it.skipIf(skipWithoutPoppler)(
    'gives the learner a PDF with their name, the course, the hours, the code and a QR code to the verification page',
    async () => {
      const res = await agent
        .get(`/certificates/${certificateId}/attestation.pdf`)
        .buffer(true)
        .parse((r, cb) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => cb(null, Buffer.concat(chunks)));
        });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      const pdf = res.body as Buffer;
      const file = path.join(dir, 'a.pdf');
      await writeFile(file, pdf);
      const text = (await runPoppler('pdftotext', ['-layout', file, '-'])).replace(/\u00a0/g, ' ');
      expect(text).toContain('Zoé Lefèvre-N’Diaye');
      expect(text).toContain('Cours de démonstration');
      expect(text).toContain('25 min');
      expect(text).toContain(shortCode);
      await runPoppler('pdftoppm', ['-png', '-r', '150', '-singlefile', file, path.join(dir, 'page')]);
      expect(decodeQrCode(PNG.sync.read(await readFile(path.join(dir, 'page.png'))))).toBe(
        `https://formation.exemple.org/verify/${token}`,
      );
    },
  );

  it('confirms a valid certificate publicly, by QR URL and by typed short code, without personal data', async () => {
    const page = await request(t.app).get(`/verify/${token}`).expect(200);
    expect(page.headers['x-robots-tag']).toBe('noindex, nofollow');
    expect(page.text).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(page.text).toContain('Statut : valide');
    expect(page.text).toContain('Zoé Lefèvre-N’Diaye');
    expect(page.text).toContain('Cours de démonstration');
    expect(page.text).toContain('Association Les Tisserands');
    for (const secret of ['zoe.lefevre@exemple.org', 'MAT-778', 'Centre social', '100 %'])
      expect(page.text).not.toContain(secret);
    const typed = shortCode.toLowerCase().replace(/-/g, ' ');
    await request(t.app)
      .get(`/verify?code=${encodeURIComponent(typed)}`)
      .expect(303)
      .expect('location', `/verify/${token}`);
  });

  it('answers 404 with a clear page for an unknown code', async () => {
    const unknown = await request(t.app).get('/verify?code=PAS-0000-0000').expect(404);
    expect(unknown.text).toContain('Aucune attestation ne correspond à ce code');
    await request(t.app).get('/verify/AAAAAAAAAAAAAAAAAAAAAA').expect(404);
  });

  it('lets neither another learner nor a visitor download the PDF, and lets HR', async () => {
    const other = await signIn(t, await addUser(t));
    await other.get(`/certificates/${certificateId}/attestation.pdf`).expect(404);
    await other.get(`/certificates/${certificateId}`).expect(404);
    await request(t.app).get(`/certificates/${certificateId}/attestation.pdf`).expect(303);
    const hr = await signIn(t, await addUser(t, 'hr'));
    await hr.get(`/certificates/${certificateId}/attestation.pdf`).expect(200);
  });

  it('lets HR re-issue after a name correction: the old one shows as replaced and points to the new one', async () => {
    const hr = await signIn(t, await addUser(t, 'hr'));
    const page = await hr.get(`/certificates/${certificateId}`).expect(200);
    const res = await hr
      .post(`/certificates/${certificateId}/reissue`)
      .type('form')
      .send({ _csrf: csrfOf(page.text), learnerName: 'Zoé Lefèvre N’Diaye' })
      .expect(303);
    const newId = res.headers.location!.split('/').pop()!;
    const replacement = await t.store.get('certificates', newId);
    expect(replacement?.snapshot.learnerName).toBe('Zoé Lefèvre N’Diaye');
    expect(replacement?.replaces).toBe(certificateId);
    const old = await request(t.app).get(`/verify/${token}`).expect(200);
    expect(old.text).toContain('Statut : remplacée');
    expect(old.text).toContain(`href="/verify/${replacement!.token}"`);
    certificateId = newId;
    token = replacement!.token;
  });

  it('lets HR revoke with a reason and a confirmation, logged in the audit trail', async () => {
    const hrUser = await addUser(t, 'hr');
    const hr = await signIn(t, hrUser);
    const page = await hr.get(`/certificates/${certificateId}`).expect(200);
    const missing = await hr
      .post(`/certificates/${certificateId}/revoke`)
      .type('form')
      .send({ _csrf: csrfOf(page.text), reason: 'Erreur de saisie' })
      .expect(400);
    expect(missing.text).toContain('Cochez la case pour confirmer');
    expect(missing.text).toContain('Erreur de saisie');
    await hr
      .post(`/certificates/${certificateId}/revoke`)
      .type('form')
      .send({ _csrf: csrfOf(page.text), reason: 'Erreur de saisie', confirm: 'yes' })
      .expect(303);
    const verify = await request(t.app).get(`/verify/${token}`).expect(200);
    expect(verify.text).toContain('Statut : révoquée');
    expect(verify.text).not.toContain('Erreur de saisie');
    const audit = await t.store.findBy('audit', 'actorId', hrUser.id);
    expect(audit.map((a) => a.action).filter((action) => action !== 'user.signed_in')).toEqual(['certificate.revoked']);
  });

  it('refuses revocation to a learner', async () => {
    const page = await agent.get(`/certificates/${certificateId}`).expect(200);
    await agent
      .post(`/certificates/${certificateId}/revoke`)
      .type('form')
      .send({ _csrf: csrfOf(page.text), reason: 'x', confirm: 'yes' })
      .expect(403);
  });

  it('rate-limits the verification pages against enumeration', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 35; i++)
      statuses.push((await request(t.app).get(`/verify?code=PAS-0000-00${String(i).padStart(2, '0')}`)).status);
    expect(statuses).toContain(429);
  });
});
