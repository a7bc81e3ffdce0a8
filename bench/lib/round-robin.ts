// A small round-robin load balancer for the PostgreSQL benchmark, run in its own process:
//   PORT=8080 BACKENDS=http://127.0.0.1:3001,http://127.0.0.1:3002 tsx bench/lib/round-robin.ts
// Each request goes to the next backend on a keep-alive connection; a backend that refuses the connection
// (killed) is skipped for idempotent requests, so the other one answers, as nginx's `proxy_next_upstream`
// does. It answers /healthz itself once it listens, so startProcess() can wait for it.
import http from 'node:http';

const targets = (process.env.BACKENDS ?? '').split(',').map((url) => new URL(url));
const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });
let next = 0;
const addresses = new WeakMap<object, string>();
let clients = 0;
const addressOf = (socket: object) => {
  let address = addresses.get(socket);
  if (!address) {
    clients += 1;
    address = `10.${(clients >> 16) & 255}.${(clients >> 8) & 255}.${clients & 255}`;
    addresses.set(socket, address);
  }
  return address;
};

function forward(req: http.IncomingMessage, res: http.ServerResponse, body: Buffer, tries: number): void {
  const index = next++ % targets.length;
  const target = targets[index]!;
  const upstream = http.request(
    {
      host: target.hostname,
      port: target.port,
      method: req.method,
      path: req.url,
      // Each client connection gets its own address, as learners on their own devices would have: the
      // sign-in rate limit (per address, shared by the instances) then sees 500 people, not one.
      headers: { ...req.headers, 'x-forwarded-for': addressOf(req.socket) },
      agent,
    },
    (answer) => {
      // Which backend answered (its position in BACKENDS), so the bench can tell the instances' figures apart.
      res.writeHead(answer.statusCode ?? 502, { ...answer.headers, 'x-backend': String(index) });
      answer.pipe(res);
    },
  );
  upstream.on('error', (error: NodeJS.ErrnoException) => {
    const idempotent = req.method === 'GET' || req.method === 'HEAD';
    if (error.code === 'ECONNREFUSED' && idempotent && tries < targets.length)
      return forward(req, res, body, tries + 1);
    if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
    res.end('bad gateway');
  });
  upstream.end(body);
}

http
  .createServer((req, res) => {
    if (req.url === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"status":"ok","balancer":true}');
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => forward(req, res, Buffer.concat(chunks), 1));
  })
  .listen(Number(process.env.PORT), '127.0.0.1');
