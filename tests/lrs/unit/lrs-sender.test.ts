// How the sender reads an LRS's answers, against real HTTP servers: which ones are delivered, retried or
// refused, and that a server that never answers is given up within a third of the lease.
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { lrsSender } from '../../../server/lrs/lrs-sender.ts';

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

async function serve(handler: RequestListener): Promise<string> {
  server = createServer(handler);
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/xapi`;
}

const settings = (endpoint: string, leaseSeconds = 30) => ({
  endpoint,
  key: 'k',
  secret: 's',
  maxAttempts: 3,
  retrySeconds: 1,
  leaseSeconds,
});

const answering = (status: number, body = '') =>
  serve((_req, res) => {
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(body);
  });

describe('the LRS sender', () => {
  it('takes 200 and 204 as stored', async () => {
    expect(await lrsSender(settings(await answering(200, '["a"]')))([{ id: 'a' }])).toEqual({ kind: 'stored' });
    await new Promise((resolve) => server!.close(resolve));
    expect(await lrsSender(settings(await answering(204)))([{ id: 'a' }])).toEqual({ kind: 'stored' });
  });

  it('retries 429 and 5xx, and refuses other 4xx with the start of the LRS’s explanation', async () => {
    expect(await lrsSender(settings(await answering(429, 'slow down')))([{}])).toEqual({
      kind: 'retry',
      error: 'HTTP 429 : slow down',
    });
    await new Promise((resolve) => server!.close(resolve));
    expect(await lrsSender(settings(await answering(503)))([{}])).toEqual({ kind: 'retry', error: 'HTTP 503' });
    await new Promise((resolve) => server!.close(resolve));
    const long = `{"error":\n"${'x'.repeat(1000)}"}`;
    const refused = await lrsSender(settings(await answering(403, long)))([{}]);
    expect(refused.kind).toBe('refused');
    expect('error' in refused && refused.error.length).toBeLessThan(320);
    expect('error' in refused && refused.error).toMatch(/^HTTP 403 : \{"error": "x+$/);
  });

  it('gives up on an LRS that never answers after a third of the lease, to retry later', async () => {
    const endpoint = await serve(() => {});
    const started = Date.now();
    const answer = await lrsSender(settings(endpoint, 3))([{}]);
    expect(answer.kind).toBe('retry');
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('retries when nobody listens', async () => {
    const endpoint = await answering(200);
    await new Promise((resolve) => server!.close(resolve));
    server = undefined;
    expect(await lrsSender(settings(endpoint))([{}])).toEqual({ kind: 'retry', error: 'ECONNREFUSED' });
  });
});
