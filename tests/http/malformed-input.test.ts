// Hand-edited links, broken clients and hostile requests get a French 4xx page, never a 500.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('malformed requests', () => {
  it('answers 400 with a French page to a bad % escape in a path', async () => {
    const res = await request(t.app).get('/courses/%ZZ').expect(400);
    expect(res.text).toContain('Demande illisible');
    expect(res.text).not.toMatch(/URIError|at .*\.ts/);
  });

  it('treats a session cookie with a bad % escape as no session', async () => {
    const res = await request(t.app).get('/courses').set('Cookie', 'pas_session=%ZZ; pas_csrf=%E0%A4%A').expect(200);
    expect(res.text).toContain('Formations');
  });

  it('reads a repeated query parameter as its first value', async () => {
    const res = await request(t.app).get('/login?next=/courses&next=/me').expect(200);
    expect(res.text).toContain('name="next" value="/courses"');
  });

  it('keeps a query value with a bad % escape as typed instead of failing', async () => {
    await request(t.app)
      .get('/verify?code=%ZZ')
      .expect((res) => expect(res.status).toBeLessThan(500));
  });

  it('answers 400 with a French page to a form with too many fields', async () => {
    const body = Array.from({ length: 2100 }, (_, i) => `f${i}=x`).join('&');
    const res = await request(t.app).post('/login').type('form').send(body).expect(400);
    expect(res.text).toContain('trop de champs');
  });

  it('answers 415 with a French page to a form in an unsupported charset', async () => {
    const res = await request(t.app)
      .post('/login')
      .set('Content-Type', 'application/x-www-form-urlencoded; charset=koi8-r')
      .send('email=a')
      .expect(415);
    expect(res.text).toContain('Format non pris en charge');
  });

  it('answers 413 with its own French page to an oversized form', async () => {
    const res = await request(t.app)
      .post('/login')
      .type('form')
      .send(`email=${'a'.repeat(300_000)}`)
      .expect(413);
    expect(res.text).toContain('Envoi trop volumineux');
  });
});
