// The bare stack the module page is compared with (bench/page-speed.ts): Express 5 and EJS with its view
// cache, nothing else, serving one page of PAGE_BYTES bytes whose content sits in memory. It runs as its
// own process, like the real server. With BARE_APP_SERVER=1 it is served as Passerelle is, by
// createAppServer (decision 026), instead of `app.listen`: what the same server gains a bare app.
import path from 'node:path';
import express from 'express';
import { createAppServer } from '../server/http/app-server.ts';

const pageBytes = Number(process.env.PAGE_BYTES ?? 30_000);
const port = Number(process.env.PORT ?? 3100);
const title = 'Module de démonstration';
const paragraph = '<p>Le numérique arrive outil après outil : il faut une culture partagée par toute l’équipe.</p>\n';

const app = express();
app.disable('x-powered-by');
app.set('view engine', 'ejs');
app.set('views', path.join(import.meta.dirname, 'bare-app'));
app.set('view cache', true);

// The body is sized so that the rendered page has exactly PAGE_BYTES bytes.
const empty = await new Promise<string>((resolve, reject) =>
  app.render('page', { title, body: '' }, (error, html) => (error ? reject(error) : resolve(html ?? ''))),
);
const room = pageBytes - Buffer.byteLength(empty);
let body = paragraph.repeat(Math.ceil(room / paragraph.length) + 1);
while (Buffer.byteLength(body) > room)
  body = body.slice(0, Math.max(0, body.length - Math.max(1, Buffer.byteLength(body) - room)));
body = body.padEnd(body.length + (room - Buffer.byteLength(body)), ' ');

// CPU time of this process for the benchmark's CPU per request, as Passerelle's BENCH_METRICS route gives it.
app.get('/__bench/cpu', (_req, res) => {
  res.json(process.cpuUsage());
});
app.get('/healthz', (_req, res) => {
  res.json({ status: 'ok' });
});
app.get('/page', (_req, res) => {
  res.render('page', { title, body });
});
const server =
  process.env.BARE_APP_SERVER === '1' ? createAppServer(app).listen(port, '127.0.0.1') : app.listen(port, '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)));
