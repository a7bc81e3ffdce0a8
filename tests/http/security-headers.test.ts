import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, createTestApp, signIn, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('security headers', () => {
  it('denies the browser features Passerelle never uses, on every page', async () => {
    for (const path of ['/courses', '/login', '/static/style.css', '/nowhere']) {
      const res = await request(t.app).get(path);
      expect(res.headers['permissions-policy'], path).toMatch(/camera=\(\).*geolocation=\(\).*microphone=\(\)/);
    }
  });

  it('lets no browser or proxy keep a page shown to a signed-in person', async () => {
    const admin = await signIn(t, await addUser(t, 'admin'));
    for (const path of ['/me', '/courses', '/hr', '/admin/users', '/courses/demo']) {
      const res = await admin.get(path);
      expect(res.status, path).toBeLessThan(400);
      expect(res.headers['cache-control'], path).toContain('no-store');
    }
  });

  it('leaves public pages cacheable for visitors', async () => {
    const res = await request(t.app).get('/courses').expect(200);
    expect(res.headers['cache-control'] ?? '').not.toContain('no-store');
  });
});
