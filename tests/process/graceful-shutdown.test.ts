import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { gracefulShutdown } from '../../server/http/graceful-shutdown.ts';
import { silentLog } from '../../server/shared/log.ts';

let server: Server | undefined;
afterEach(() => {
  server?.closeAllConnections();
  server = undefined;
});

/** A server with one slow route, answering after `ms`. */
async function slowServer(ms: number): Promise<string> {
  const app = express();
  app.get('/slow', (_req, res) => {
    setTimeout(() => res.send('done'), ms);
  });
  server = createServer(app);
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('gracefulShutdown', () => {
  it('lets a request in flight finish, then closes the store and exits 0', async () => {
    const url = await slowServer(300);
    const inFlight = fetch(`${url}/slow`).then((res) => res.text());
    await new Promise((resolve) => setTimeout(resolve, 50));
    let storeClosedAt = 0;
    const code = await gracefulShutdown({
      server: server!,
      closeStore: async () => {
        storeClosedAt = Date.now();
      },
      timeoutMs: 5_000,
      log: silentLog,
    });
    expect(await inFlight).toBe('done');
    expect(code).toBe(0);
    expect(storeClosedAt).toBeGreaterThan(0);
    await expect(fetch(`${url}/slow`)).rejects.toThrow();
  });

  it('cuts the connections still open at the deadline instead of waiting for ever', async () => {
    const url = await slowServer(60_000);
    const inFlight = fetch(`${url}/slow`).then(
      () => 'answered',
      () => 'cut',
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    const code = await gracefulShutdown({
      server: server!,
      closeStore: async () => {},
      timeoutMs: 200,
      log: silentLog,
    });
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(await inFlight).toBe('cut');
    expect(code).toBe(0);
  });

  it('exits 1 when the store cannot be closed cleanly', async () => {
    await slowServer(0);
    const code = await gracefulShutdown({
      server: server!,
      closeStore: async () => {
        throw new Error('EIO');
      },
      timeoutMs: 1_000,
      log: silentLog,
    });
    expect(code).toBe(1);
  });
});
