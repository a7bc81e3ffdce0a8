import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, createTestApp, csrfOf, signIn, type TestApp } from '../../helpers/test-app.ts';
import { type Agent, completeCourse } from './complete-course.ts';

let t: TestApp;
let holder: Agent;
let hr: Agent;
let id: string;
let token: string;

beforeAll(async () => {
  t = await createTestApp();
  holder = await signIn(t, await addUser(t, 'learner', { name: 'Zoé Cache' }));
  hr = await signIn(t, await addUser(t, 'hr'));
  id = await completeCourse(t, holder);
  token = (await t.store.get('certificates', id))!.token;
});
afterAll(async () => {
  await t.close();
});

const noStore = (res: { headers: Record<string, string> }) => expect(res.headers['cache-control']).toMatch(/no-store/);

describe('certificate pages in caches', () => {
  it('never keeps the page or the PDF of a signed-in person, nor a form sent back with errors', async () => {
    noStore(await holder.get(`/certificates/${id}`).expect(200));
    noStore(await holder.get(`/certificates/${id}/attestation.pdf`).expect(200));
    const page = await hr.get(`/certificates/${id}`).expect(200);
    noStore(page);
    noStore(
      await hr
        .post(`/certificates/${id}/revoke`)
        .type('form')
        .send({ _csrf: csrfOf(page.text) })
        .expect(400),
    );
    noStore(await hr.get('/certificates/nobody').expect(404));
  });

  it('never keeps a verification page that names someone: the holder, or the signed-in visitor', async () => {
    noStore(await request(t.app).get(`/verify/${token}`).expect(200));
    noStore(await holder.get(`/verify/${token}`).expect(200));
    noStore(await holder.get('/verify').expect(200));
  });

  it('lets a browser keep a public page that names nobody for a minute at most', async () => {
    const form = await request(t.app).get('/verify').expect(200);
    expect(form.headers['cache-control']).toBe('private, max-age=60');
    const page = await hr.get(`/certificates/${id}`).expect(200);
    await hr
      .post(`/certificates/${id}/revoke`)
      .type('form')
      .send({ _csrf: csrfOf(page.text), reason: 'Erreur', confirm: 'yes' })
      .expect(303);
    const revoked = await request(t.app).get(`/verify/${token}`).expect(200);
    expect(revoked.text).not.toContain('Zoé Cache');
    expect(revoked.headers['cache-control']).toBe('private, max-age=60');
  });
});
