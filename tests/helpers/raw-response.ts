import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type express from 'express';

/** The raw bytes and headers, as a browser receives them: supertest would decompress the body. */
export async function rawResponse(app: express.Express, url: string, headers: Record<string, string>) {
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
