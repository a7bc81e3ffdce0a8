import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, createTestApp, csrfOf, signIn, type TestApp } from '../../helpers/test-app.ts';
import { runPoppler, skipWithoutPoppler } from '../run-poppler.ts';
import { type Agent, completeCourse } from './complete-course.ts';

let t: TestApp;
let dir: string;

beforeAll(async () => {
  t = await createTestApp({ config: { baseUrl: 'https://formation.exemple.org' } });
  dir = await mkdtemp(path.join(os.tmpdir(), 'passerelle-withdrawn-pdf-'));
});
afterAll(async () => {
  await t.close();
  await rm(dir, { recursive: true, force: true });
});

async function pdfText(agent: Agent, id: string): Promise<string> {
  const res = await agent
    .get(`/certificates/${id}/attestation.pdf`)
    .buffer(true)
    .parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    })
    .expect(200);
  const file = path.join(dir, `${id}-${Date.now()}.pdf`);
  await writeFile(file, res.body as Buffer);
  return (await runPoppler('pdftotext', [file, '-'])).replace(/\s+/g, ' ');
}

async function hrPost(url: string, from: string, fields: Record<string, string>) {
  const hr = await signIn(t, await addUser(t, 'hr'));
  const page = await hr.get(from).expect(200);
  return hr
    .post(url)
    .type('form')
    .send({ _csrf: csrfOf(page.text), ...fields })
    .expect(303);
}

describe.skipIf(skipWithoutPoppler)('the PDF of a certificate that is no longer valid', () => {
  it('says « révoquée », with the date, once revoked, even after the valid one was downloaded', async () => {
    const holder = await addUser(t, 'learner', { name: 'Inès Valide' });
    const id = await completeCourse(t, await signIn(t, holder));
    expect(await pdfText(await signIn(t, holder), id)).not.toContain('révoquée');
    t.advance(24 * 3600_000);
    await hrPost(`/certificates/${id}/revoke`, `/certificates/${id}`, { reason: 'Erreur', confirm: 'yes' });
    const text = await pdfText(await signIn(t, holder), id);
    expect(text).toContain('Attestation révoquée le 24 novembre 2026');
    expect(text).toContain('Inès Valide');
  });

  it('says « remplacée » once re-issued, and the replacement does not', async () => {
    const learner = await signIn(t, await addUser(t, 'learner', { name: 'Jean Nommé' }));
    const id = await completeCourse(t, learner);
    expect(await pdfText(learner, id)).not.toContain('remplacée');
    const res = await hrPost(`/certificates/${id}/reissue`, `/certificates/${id}`, { learnerName: 'Jean Renommé' });
    expect(await pdfText(learner, id)).toContain('Attestation remplacée le');
    const replacement = res.headers.location!.split('/').pop()!;
    const text = await pdfText(learner, replacement);
    expect(text).toContain('Jean Renommé');
    expect(text).not.toContain('remplacée');
  });
});
