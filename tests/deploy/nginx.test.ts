// docs/deploy/nginx.conf, as published, in front of a real Passerelle over HTTPS. nginx is a system
// package: without it the test is skipped with a message, unless CI (REQUIRE_TEST_TOOLS=1) requires it.
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { get as httpGet, type IncomingMessage } from 'node:http';
import { request } from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, type RunningServer, repoRoot, startServer } from '../helpers/start-server.ts';

const nginx = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((bin) => spawnSync(bin, ['-v']).error === undefined);
const skip = !nginx && process.env.REQUIRE_TEST_TOOLS !== '1';
if (skip) console.warn('Test du proxy nginx ignoré : nginx introuvable (apt-get install -y nginx-light).');

let dir: string;
let proxy: ChildProcess | undefined;
let app: RunningServer | undefined;
let httpsPort: number;
let httpPort: number;

/** The published file, with only what a real install changes replaced: ports, certificate paths. */
async function publishedConfig(appPort: number, certificate: string, key: string): Promise<string> {
  const site = (await readFile(path.join(repoRoot, 'docs/deploy/nginx.conf'), 'utf8'))
    .replace('listen 443 ssl;', `listen 127.0.0.1:${httpsPort} ssl;`)
    .replace('listen 80;', `listen 127.0.0.1:${httpPort};`)
    .replace(/\/etc\/letsencrypt\/live\/formation\.example\.org\/fullchain\.pem/, certificate)
    .replace(/\/etc\/letsencrypt\/live\/formation\.example\.org\/privkey\.pem/, key)
    .replace('http://127.0.0.1:3000', `http://127.0.0.1:${appPort}`);
  // What /etc/nginx/nginx.conf provides around a conf.d file, with writable places for a test.
  return `pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events {}
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
${site}
}
`;
}

function get(port: number, urlPath: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>(
    (resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: urlPath,
          headers: { Host: 'formation.example.org', ...headers },
          rejectUnauthorized: false,
        },
        (res) => {
          let body = '';
          res.setEncoding('utf8').on('data', (chunk) => {
            body += chunk;
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        },
      );
      req.on('error', reject).end();
    },
  );
}

async function waitForProxy(): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const up = await get(httpsPort, '/healthz').then(
      (res) => res.status === 200,
      () => false,
    );
    if (up) return;
    if (Date.now() > deadline)
      throw new Error(`nginx did not answer: ${await readFile(path.join(dir, 'error.log'), 'utf8').catch(() => '')}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.skipIf(skip)('behind nginx with HTTPS (docs/deploy/nginx.conf)', () => {
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'passerelle-nginx-'));
    [httpsPort, httpPort] = [await freePort(), await freePort()];
    const certificate = path.join(dir, 'cert.pem');
    const key = path.join(dir, 'key.pem');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=formation.example.org',
        '-keyout',
        key,
        '-out',
        certificate,
      ],
      { stdio: 'ignore' },
    );
    app = await startServer({
      baseUrl: () => `https://formation.example.org:${httpsPort}`,
      env: { TRUST_PROXY: '1', LOG_REQUESTS: 'true', LOG_FORMAT: 'json' },
    });
    await writeFile(path.join(dir, 'nginx.conf'), await publishedConfig(app.port, certificate, key));
    proxy = spawn(nginx as string, ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-g', 'daemon off;'], {
      stdio: 'ignore',
    });
    await waitForProxy();
  });
  afterAll(async () => {
    proxy?.kill('SIGTERM');
    await app?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('redirects plain HTTP to HTTPS', async () => {
    const res = await new Promise<IncomingMessage>((resolve, reject) =>
      httpGet(
        { host: '127.0.0.1', port: httpPort, path: '/courses', headers: { Host: 'formation.example.org' } },
        resolve,
      ).on('error', reject),
    );
    res.resume();
    expect(res.statusCode).toBe(301);
    expect(res.headers.location).toBe('https://formation.example.org/courses');
  });

  it('serves the pages over HTTPS with HSTS and secure cookies', async () => {
    const res = await get(httpsPort, '/login');
    expect(res.status).toBe(200);
    expect(res.body).toContain('<form');
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    const cookies = [res.headers['set-cookie'] ?? []].flat();
    expect(cookies.length).toBeGreaterThan(0);
    for (const cookie of cookies) expect(cookie).toMatch(/;\s*Secure/i);
  });

  it('logs the address nginx saw, not one the client wrote into X-Forwarded-For', async () => {
    await get(httpsPort, '/courses?probe=1', { 'X-Forwarded-For': '203.0.113.9' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const line = app!
      .output()
      .split('\n')
      .find((entry) => entry.includes('"path":"/courses?probe=…"'));
    expect(JSON.parse(line as string).client).toBe('127.0.0.1');
  });
});
