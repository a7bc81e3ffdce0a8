import { createServer, IncomingMessage, type Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppServer } from '../../server/http/app-server.ts';
import { addUser, cookieOn, createTestApp } from '../helpers/test-app.ts';

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve));
});

async function listening(server: Server): Promise<string> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** What a client receives, less what differs from one answer to the next (date, request id, connection). */
async function answer(base: string, path: string, init: RequestInit = {}) {
  const res = await fetch(base + path, { redirect: 'manual', ...init });
  const headers = Object.fromEntries(
    [...res.headers].filter(([name]) => !['date', 'x-request-id', 'connection', 'keep-alive'].includes(name)),
  );
  return { status: res.status, headers, body: await res.text() };
}

describe('the HTTP server of the app', () => {
  it('hands the app requests and responses already made with its prototypes, Node objects all the same', async () => {
    const app = express();
    app.get('/where', (req, res) => {
      res.status(201).json({ path: req.path, query: req.query, accept: req.get('accept') });
    });
    const server = createAppServer(app);
    const arrived: { request: object | null; response: object | null; node: boolean }[] = [];
    // Before Express's handler: what Node made, not what Express turned it into.
    server.prependListener('request', (req, res) => {
      arrived.push({
        request: Object.getPrototypeOf(req),
        response: Object.getPrototypeOf(res),
        node: req instanceof IncomingMessage && res instanceof ServerResponse,
      });
    });
    const base = await listening(server);
    for (let i = 0; i < 2; i++) {
      const res = await fetch(`${base}/where?x=1`, { headers: { accept: 'text/html' } });
      expect(res.status).toBe(201);
      expect(await res.json()).toEqual({ path: '/where', query: { x: '1' }, accept: 'text/html' });
    }
    expect(arrived).toEqual([
      { request: app.request, response: app.response, node: true },
      { request: app.request, response: app.response, node: true },
    ]);
  });

  it("answers every kind of page exactly as Node's own server does", async () => {
    const t = await createTestApp();
    try {
      const learner = await addUser(t);
      const cookie = await cookieOn(t, learner.email);
      const plain = await listening(createServer(t.app));
      const born = await listening(createAppServer(t.app));
      // A visitor keeps one CSRF cookie, as a browser would: a new one is random at each answer.
      const visitor = (await fetch(`${plain}/`)).headers.getSetCookie()[0]!.split(';')[0]!;
      const asks: [string, RequestInit?][] = [
        ['/', { headers: { cookie: visitor } }],
        ['/courses/demo', { headers: { cookie: visitor } }],
        ['/courses/demo/premier', { headers: { cookie: visitor } }],
        ['/courses/demo/premier', { headers: { cookie } }],
        ['/courses/demo/premier', { headers: { cookie, 'accept-encoding': 'gzip' } }],
        ['/courses/demo/premier', { method: 'HEAD', headers: { cookie } }],
        ['/courses/demo/nope', { headers: { cookie } }],
        ['/me', { headers: { cookie } }],
        ['/me', { headers: { cookie: visitor } }],
        ['/admin/users', { headers: { cookie } }],
        ['/logout', { method: 'POST', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' } }],
        ['/courses/demo/%E0%A4%A', { headers: { cookie: visitor } }],
      ];
      for (const [path, init] of asks) {
        const expected = await answer(plain, path, init);
        expect({ path, ...(await answer(born, path, init)) }).toEqual({ path, ...expected });
      }
    } finally {
      await t.close();
    }
  });
});
