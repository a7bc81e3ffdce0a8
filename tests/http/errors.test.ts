import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { configWarnings } from '../../server/config-warnings.ts';
import { requestId, requestLog } from '../../server/http/request-log.ts';
import { createLog } from '../../server/shared/log.ts';
import { createTestApp } from '../helpers/test-app.ts';
import { testConfig } from '../helpers/test-config.ts';

const emptyCatalog = { courses: [], bySlug: new Map() };

describe('error pages and logs', () => {
  it('shows a French 500 page without stack trace or internals', async () => {
    const t = await createTestApp();
    const app = createApp({
      config: testConfig(),
      catalog: emptyCatalog,
      store: t.store,
      clock: t.now,
      csrfSecret: 'x',
    });
    // A getter that throws simulates a bug deep inside a route.
    Object.defineProperty(emptyCatalog, 'courses', {
      get: () => {
        throw new Error('secret internal detail');
      },
      configurable: true,
    });
    const res = await request(app).get('/courses').expect(500);
    Object.defineProperty(emptyCatalog, 'courses', { value: [], configurable: true, writable: true });
    await t.close();
    expect(res.text).toContain('Une erreur est survenue');
    expect(res.text).not.toContain('secret internal detail');
    expect(res.text).not.toMatch(/at .*\.ts:\d+/);
  });

  it('shows an empty state when no course is published', async () => {
    const t = await createTestApp({ coursesDir: '/nonexistent-courses-folder' });
    expect((await request(t.app).get('/courses').expect(200)).text).toContain('Aucune formation n’est disponible');
    await t.close();
  });

  it('logs one JSON line per request with its id and client, tokens and query values masked', async () => {
    const lines: string[] = [];
    const express = (await import('express')).default;
    const app = express();
    app.use(requestId, requestLog(createLog({ destination: { write: (line) => lines.push(line) } })));
    app.get('/verify/:code', (_req, res) => {
      res.send('ok');
    });
    const res = await request(app).get('/verify/abcdef123456?email=zoe@example.org');
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0] as string);
    expect(entry).toMatchObject({ level: 30, method: 'GET', path: '/verify/…?email=…', status: 200 });
    expect(entry.reqId).toBe(res.headers['x-request-id']);
    expect(entry.client).toMatch(/127\.0\.0\.1/);
    expect(lines[0]).not.toContain('abcdef123456');
    expect(lines[0]).not.toContain('zoe@example.org');
  });

  it('logs a server fault with its stack but never the token of the link that caused it', async () => {
    const lines: string[] = [];
    const log = createLog({ destination: { write: (line) => lines.push(line) } });
    const t = await createTestApp();
    const app = createApp({
      config: testConfig(),
      catalog: emptyCatalog,
      store: t.store,
      clock: t.now,
      csrfSecret: 'x',
      log,
    });
    Object.defineProperty(emptyCatalog, 'courses', {
      get: () => {
        throw new Error('boom');
      },
      configurable: true,
    });
    await request(app).get('/courses?token=tok-secret-1').expect(500);
    Object.defineProperty(emptyCatalog, 'courses', { value: [], configurable: true, writable: true });
    await t.close();
    const entry = JSON.parse(lines.find((line) => line.includes('request failed')) as string);
    expect(entry).toMatchObject({ level: 50, status: 500, path: '/courses?token=…' });
    expect(entry.err.stack).toContain('boom');
    expect(lines.join('')).not.toContain('tok-secret-1');
  });

  it('prints readable lines with LOG_FORMAT=pretty', () => {
    const lines: string[] = [];
    createLog({ format: 'pretty', destination: { write: (line) => lines.push(line) } }).info(
      { status: 200 },
      'request',
    );
    expect(lines[0]).toMatch(/^\d\d:\d\d:\d\d info {2}request status=200\n$/);
  });
});

describe('configuration', () => {
  it('stops on a bad value with one line naming the variable', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(
      /^Configuration invalide : la variable PORT vaut « abc », attendu un nombre entier entre 1 et 65535\.$/,
    );
    expect(() => loadConfig({ BASE_URL: 'pas une adresse' })).toThrow(/BASE_URL/);
    expect(() => loadConfig({ REQUIRE_LOGIN: 'peut-être' })).toThrow(/REQUIRE_LOGIN/);
  });

  it('never repeats a value that may hold a password', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://admin:s3cret@db/passerelle' })).toThrow(
      /^Configuration invalide : la variable DATABASE_URL vaut une valeur invalide, attendu une adresse postgres:/,
    );
    expect(() => loadConfig({ DATABASE_URL: 'mysql://admin:s3cret@db/passerelle' })).not.toThrow(/s3cret/);
  });

  it('reads the SMTP settings, requires MAIL_FROM with SMTP_URL and never repeats the SMTP password', () => {
    expect(loadConfig({}).mail).toBeUndefined();
    expect(
      loadConfig({ SMTP_URL: 'smtps://u:p@mail.exemple.org:465', MAIL_FROM: 'Passerelle <f@exemple.org>' }).mail,
    ).toEqual({
      smtpUrl: 'smtps://u:p@mail.exemple.org:465',
      from: 'Passerelle <f@exemple.org>',
      maxAttempts: 8,
      retrySeconds: 60,
      leaseSeconds: 300,
    });
    expect(() => loadConfig({ SMTP_URL: 'smtp://mail.exemple.org:587' })).toThrow(/MAIL_FROM/);
    expect(() => loadConfig({ SMTP_URL: 'http://u:s3cret@mail.exemple.org' })).toThrow(
      /SMTP_URL vaut une valeur invalide/,
    );
    expect(() => loadConfig({ SMTP_URL: 'http://u:s3cret@mail.exemple.org' })).not.toThrow(/s3cret/);
  });

  it('warns about a proxy setting or plain HTTP that would be unsafe on a public address', () => {
    expect(configWarnings(loadConfig({ HOST: '127.0.0.1', TRUST_PROXY: '1' }))).toEqual([]);
    const exposed = configWarnings(loadConfig({ HOST: '0.0.0.0', TRUST_PROXY: '1' }));
    expect(exposed).toHaveLength(2);
    expect(exposed[0]).toContain('TRUST_PROXY=1 alors que le serveur écoute sur 0.0.0.0');
    expect(exposed[1]).toContain('en HTTP simple');
    expect(configWarnings(loadConfig({ HOST: '0.0.0.0', BASE_URL: 'https://formation.exemple.org' }))).toEqual([]);
  });

  it('derives the base URL and the secure flag', () => {
    expect(loadConfig({ PORT: '4000' }).baseUrl).toBe('http://localhost:4000');
    const secure = loadConfig({ BASE_URL: 'https://formation.example.org/' });
    expect(secure.baseUrl).toBe('https://formation.example.org');
    expect(secure.secure).toBe(true);
  });
});
