import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { securityHeaders } from '../../server/http/security-headers.ts';

const appWith = (secure: boolean, formTargets: string[] = []) =>
  express()
    .use(securityHeaders(secure, formTargets))
    .get('/', (_req, res) => {
      res.send('ok');
    });

describe('security headers, set once for every answer', () => {
  it('add HSTS and upgrade requests only when the public address is HTTPS', async () => {
    const secure = await request(appWith(true)).get('/').expect(200);
    expect(secure.headers['strict-transport-security']).toBe('max-age=15552000; includeSubDomains');
    expect(secure.headers['content-security-policy']).toContain('upgrade-insecure-requests');
    const plain = await request(appWith(false)).get('/').expect(200);
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    expect(plain.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
  });

  it('let forms continue at the identity provider, and every answer gets the same headers', async () => {
    const app = appWith(false, ['https://idp.example.org']);
    const [first, second] = [await request(app).get('/'), await request(app).get('/')];
    expect(first.headers['content-security-policy']).toContain("form-action 'self' https://idp.example.org");
    for (const name of ['content-security-policy', 'permissions-policy', 'x-frame-options', 'referrer-policy'])
      expect(second.headers[name]).toBe(first.headers[name]);
  });
});
