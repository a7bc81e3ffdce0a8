import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';
import { fixturesDir } from '../helpers/test-config.ts';

let t: TestApp;
let app: TestApp['app'];
beforeAll(async () => {
  t = await createTestApp();
  app = t.app;
});
afterAll(() => t.close());

describe('health, security headers and static files', () => {
  it('answers healthz with a small JSON status', async () => {
    const res = await request(app).get('/healthz').expect(200);
    expect(res.body).toEqual({ status: 'ok', store: 'journal', courses: 1 });
  });

  it('sends strict security headers that still allow plain HTTP', async () => {
    const res = await request(app).get('/courses');
    const csp = res.headers['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(res.headers['strict-transport-security']).toBeUndefined();
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('same-origin');
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(res.headers['permissions-policy']).toContain('camera=()');
  });

  it('serves static files with cache headers', async () => {
    const prod = await createTestApp({
      coursesDir: path.join(fixturesDir, 'courses/valid'),
      config: { env: 'production' },
    });
    const res = await request(prod.app).get('/static/style.css').expect(200);
    await prod.close();
    expect(res.headers['cache-control']).toMatch(/max-age=604800/);
  });
});
