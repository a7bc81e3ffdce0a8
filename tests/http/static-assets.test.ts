import { once } from 'node:events';
import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync } from 'node:zlib';
import express from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { immutableCacheControl, staticAssets } from '../../server/http/static-assets.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

/** The raw bytes and headers, as a browser receives them: supertest would decompress the body. */
async function raw(app: express.Express, url: string, headers: Record<string, string>) {
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  try {
    const { port } = server.address() as AddressInfo;
    const req = http.get({ host: '127.0.0.1', port, path: url, headers });
    const [res] = (await once(req, 'response')) as [http.IncomingMessage];
    const chunks: Buffer[] = [];
    for await (const chunk of res) chunks.push(chunk as Buffer);
    return { status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) };
  } finally {
    server.close();
  }
}

const css = `body { color: #222; }\n${'.rule { margin: 0 auto; padding: 1rem; }\n'.repeat(60)}`;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'passerelle-static-'));
  await writeFile(path.join(dir, 'style.css'), css);
  await writeFile(path.join(dir, 'tiny.js'), 'export const a = 1;\n');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function appOn(folder: string, cacheDir?: string) {
  const assets = staticAssets(folder, '/static', cacheDir);
  const app = express();
  app.use('/static', assets.handler);
  return { app, url: assets.url };
}

describe('fingerprinted static files', () => {
  it('links a URL carrying a hash of the content, cached for a year as immutable', async () => {
    const { app, url } = appOn(dir);
    expect(url('style.css')).toMatch(/^\/static\/style\.[0-9a-f]{12}\.css$/);
    const res = await request(app).get(url('style.css')).expect(200);
    expect(res.headers['cache-control']).toBe(immutableCacheControl);
    expect(res.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(res.text).toBe(css);
  });

  it('gives a changed file a new URL at the next start, and still serves the old URL, uncached', async () => {
    const before = appOn(dir).url('style.css');
    await writeFile(path.join(dir, 'style.css'), `${css}.added { color: red; }\n`);
    const { app, url } = appOn(dir);
    try {
      expect(url('style.css')).not.toBe(before);
      const stale = await request(app).get(before).expect(200);
      expect(stale.text).toContain('.added');
      expect(stale.headers['cache-control']).toBe('no-cache');
      const fresh = await request(app).get(url('style.css')).expect(200);
      expect(fresh.headers['cache-control']).toBe(immutableCacheControl);
    } finally {
      await writeFile(path.join(dir, 'style.css'), css);
    }
  });

  it('serves the plain name as before, for a week', async () => {
    const res = await request(appOn(dir).app).get('/static/style.css').expect(200);
    expect(res.headers['cache-control']).toBe('public, max-age=604800');
  });

  it('sends the precompressed copy the browser accepts, and one ETag per encoding', async () => {
    const { app, url } = appOn(dir);
    const br = await raw(app, url('style.css'), { 'accept-encoding': 'gzip, br' });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toContain('Accept-Encoding');
    expect(brotliDecompressSync(br.body).toString()).toBe(css);
    expect(br.body.length).toBeLessThan(css.length / 4);
    const gzip = await raw(app, url('style.css'), { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).toString()).toBe(css);
    expect(gzip.headers.etag).not.toBe(br.headers.etag);
    await request(app)
      .get(url('style.css'))
      .set('Accept-Encoding', 'gzip')
      .set('If-None-Match', gzip.headers.etag as string)
      .expect(304);
  });

  it('leaves files under 1 KB uncompressed', async () => {
    const { app, url } = appOn(dir);
    const res = await request(app).get(url('tiny.js')).set('Accept-Encoding', 'gzip, br').expect(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.text).toBe('export const a = 1;\n');
  });
});

describe('compressed copies kept between starts', () => {
  const served = async (app: express.Express, url: string) =>
    brotliDecompressSync((await raw(app, url, { 'accept-encoding': 'br' })).body).toString();

  it('keeps them owner-only, one per file version, and serves only a copy of the very bytes', async () => {
    const cacheDir = path.join(dir, '.cache');
    try {
      appOn(dir, cacheDir);
      const names = await readdir(cacheDir);
      expect(names.sort()).toEqual([expect.stringMatching(/^[0-9a-f]{64}\.br$/), expect.stringMatching(/\.gzip$/)]);
      expect((await stat(cacheDir)).mode & 0o777).toBe(0o700);
      for (const name of names) expect((await stat(path.join(cacheDir, name))).mode & 0o777).toBe(0o600);

      // A kept copy that is not this file's (another file's, torn, or garbage) is never served.
      const br = names.find((n) => n.endsWith('.br'))!;
      for (const spoilt of [brotliCompressSync('body { color: red; }'), Buffer.from('not brotli'), Buffer.alloc(0)]) {
        await writeFile(path.join(cacheDir, br), spoilt);
        const { app, url } = appOn(dir, cacheDir);
        expect(await served(app, url('style.css'))).toBe(css);
      }

      // One byte changed: a new copy, the old one removed.
      await writeFile(path.join(dir, 'style.css'), css.replace('#222', '#223'));
      const { app, url } = appOn(dir, cacheDir);
      expect(await served(app, url('style.css'))).toBe(css.replace('#222', '#223'));
      expect(await readdir(cacheDir)).not.toContain(br);
      expect(await readdir(cacheDir)).toHaveLength(2);
    } finally {
      await writeFile(path.join(dir, 'style.css'), css);
      await rm(cacheDir, { recursive: true, force: true });
    }
  });
});

describe('compression and fingerprints in the app', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('links the fingerprinted stylesheet from pages, and serves it', async () => {
    const page = await request(t.app).get('/courses').expect(200);
    const href = /<link rel="stylesheet" href="([^"]+)">/.exec(page.text)?.[1];
    expect(href).toMatch(/^\/static\/style\.[0-9a-f]{12}\.css$/);
    const res = await request(t.app)
      .get(href as string)
      .expect(200);
    expect(res.headers['cache-control']).toBe(immutableCacheControl);
  });

  it('compresses pages for browsers that accept it, and not otherwise', async () => {
    const plain = await request(t.app).get('/courses').set('Accept-Encoding', 'identity').expect(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const gzip = await raw(t.app, '/courses', { 'accept-encoding': 'gzip' });
    expect(gzip.status).toBe(200);
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.headers.vary).toContain('Accept-Encoding');
    expect(gunzipSync(gzip.body).toString()).toBe(plain.text);
  });

  it('sends bodies under 1 KB as they are', async () => {
    const res = await request(t.app).get('/healthz').set('Accept-Encoding', 'gzip, br').expect(200);
    expect(res.headers['content-encoding']).toBeUndefined();
  });
});
