// A small learning record store (node:http) started by a test on a free port. It keeps the xAPI 1.0.3
// behaviour the forwarder relies on: Basic authentication and the version header are required; a batch
// is stored whole or not at all; a statement id it already has changes nothing — an identical copy is
// accepted as a no-op (or answered 409, as some stores do, with `conflictOnKnownId`), a different one is
// refused with 409. It can go down, answer 500, or store a batch and drop the connection before
// answering (the response lost on the way back).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { freePort } from './start-server.ts';

export type LrsMode = 'ok' | 'error500' | 'loseResponse' | 'refuse400';

export interface LrsRequest {
  ids: string[];
  status: number | 'dropped';
  headers: IncomingMessage['headers'];
}

export interface LrsTestServer {
  port: number;
  /** What LRS_ENDPOINT is set to (the statements resource is `<endpoint>/statements`). */
  endpoint: string;
  credentials: { key: string; secret: string };
  /** Every statement stored, by id: a statement is stored at most once. */
  stored: Map<string, Record<string, unknown>>;
  /** Every POST received, in order. */
  requests: LrsRequest[];
  mode: LrsMode;
  /** Answer 409 to any id already stored, even an identical copy. */
  conflictOnKnownId: boolean;
  /** Resolves once `count` statements are stored (or rejects after `timeoutMs`). */
  waitForStored(count: number, timeoutMs?: number): Promise<void>;
  /** Stops listening and cuts open connections: the LRS is down. */
  down(): Promise<void>;
  /** Listens again on the same port. */
  up(): Promise<void>;
  close(): Promise<void>;
}

const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );

export async function startLrsServer(options: { port?: number } = {}): Promise<LrsTestServer> {
  const port = options.port ?? (await freePort());
  const credentials = { key: 'passerelle', secret: 'secret-de-test' };
  const expectedAuth = `Basic ${Buffer.from(`${credentials.key}:${credentials.secret}`).toString('base64')}`;
  const sockets = new Set<Socket>();
  let server: Server | undefined;

  const lrs: LrsTestServer = {
    port,
    endpoint: `http://127.0.0.1:${port}/xapi`,
    credentials,
    stored: new Map(),
    requests: [],
    mode: 'ok',
    conflictOnKnownId: false,
    async waitForStored(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (lrs.stored.size < count) {
        if (Date.now() > deadline) throw new Error(`${lrs.stored.size} statement(s) stored, ${count} expected`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    down: async () => {
      const closing = server ? new Promise((resolve) => server!.close(resolve)) : Promise.resolve();
      for (const socket of sockets) socket.destroy();
      await closing;
      server = undefined;
    },
    up: async () => {
      server = createServer((req, res) => void handle(req, res));
      server.on('connection', (socket) => {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
      });
      await new Promise<void>((resolve) => server!.listen(port, '127.0.0.1', resolve));
    },
    close: () => lrs.down(),
  };

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const answer = (status: number, body?: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json', 'X-Experience-API-Version': '1.0.3' });
      res.end(body === undefined ? undefined : JSON.stringify(body));
    };
    let statements: Record<string, unknown>[] = [];
    try {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
      statements = (Array.isArray(body) ? body : [body]) as Record<string, unknown>[];
    } catch {
      statements = [];
    }
    const ids = statements.map((s) => String(s.id));
    const request: LrsRequest = { ids, status: 0, headers: req.headers };
    lrs.requests.push(request);
    const reply = (status: number, body?: unknown) => {
      request.status = status;
      answer(status, body);
    };
    if (req.method !== 'POST' || req.url !== '/xapi/statements') return reply(404, { error: 'no such resource' });
    if (req.headers.authorization !== expectedAuth) return reply(401, { error: 'bad credentials' });
    if (req.headers['x-experience-api-version'] !== '1.0.3') return reply(400, { error: 'version header missing' });
    if (statements.length === 0 || new Set(ids).size !== ids.length) return reply(400, { error: 'bad batch' });
    if (lrs.mode === 'error500') return reply(500, { error: 'internal error' });
    if (lrs.mode === 'refuse400') return reply(400, { error: 'statement refused by this LRS' });
    for (const statement of statements) {
      const known = lrs.stored.get(String(statement.id));
      if (known && (lrs.conflictOnKnownId || canonical(known) !== canonical(statement)))
        return reply(409, { error: `statement ${statement.id} already exists` });
    }
    for (const statement of statements)
      if (!lrs.stored.has(String(statement.id))) lrs.stored.set(String(statement.id), statement);
    if (lrs.mode === 'loseResponse') {
      request.status = 'dropped';
      req.socket.destroy();
      return;
    }
    reply(200, ids);
  }

  await lrs.up();
  return lrs;
}
