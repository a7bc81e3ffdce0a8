// Part 6 — several instances on PostgreSQL (npm run bench:pg; skipped with a message without DATABASE_URL).
// A fresh database with 50,000 accounts and 1,000,000 progress rows (four generated courses of five
// modules); two Passerelle instances, each in its own process with its own data folder, behind a small
// round-robin load balancer in a third process; the load generator in a fourth. Then the morning rush of
// part 2 through the balancer (500 sign-ins in 60 s, then 500 learners at ~200 requests/s), the HR
// dashboard filtered by structure (what an HR of one structure opens: each instance's first request apart,
// then 100 after 5 not counted, as part 9), a CSV export of every completion row with the JS heap the
// serving instance keeps sampled, and finally one instance killed with SIGKILL: every submission
// acknowledged by either must be in the database, and the other keeps answering.
// Options: --learners 50000 --progress 1000000 --active 500 --signin-seconds 60 --seconds 60 --rate 200;
// --hr-only measures only the HR dashboard and the export on the same data (no rush, no kill).
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import type { Course } from '../server/catalog/course.ts';
import { loadCatalog } from '../server/catalog/load-catalog.ts';
import { collections, migrations, schemaVersion } from '../server/collections.ts';
import { openPostgresStore } from '../server/store/postgres/open-postgres-store.ts';
import { type Figure, int, mb, ms, runPart, summarize } from './lib/figures.ts';
import { generateCourses } from './lib/generate-courses.ts';
import { Browser, signedIn } from './lib/http-client.ts';
import { runLoad } from './lib/load-jobs.ts';
import { serverCpuUs } from './lib/page-slices.ts';
import { postgresCpuSeconds, processCpu } from './lib/process-cpu.ts';
import { rushQuizzes } from './lib/quiz-bodies.ts';
import { benchPassword, seedInto } from './lib/seed.ts';
import { root, type ServerProcess, startPasserelle, startProcess } from './lib/server-process.ts';

const { values: args } = parseArgs({
  options: {
    learners: { type: 'string', default: '50000' },
    progress: { type: 'string', default: '1000000' },
    active: { type: 'string', default: '500' },
    'signin-seconds': { type: 'string', default: '60' },
    seconds: { type: 'string', default: '60' },
    rate: { type: 'string', default: '200' },
    'hr-only': { type: 'boolean', default: false },
  },
  strict: false,
});
const targets = { pageMs: 150, submitMs: 300, signInMs: 1000, hrMs: 300, exportHeapMb: 16, exportLastHalfMb: 4 };
/** The HR dashboard: requests not counted first (as part 9), then counted one after the other. */
const hr = { warmUp: 5, requests: 100 };
/** How often the export's serving instance is asked for the heap it keeps (each asks a full collection). */
const exportSampleMs = 250;
const databaseUrl = process.env.DATABASE_URL;

await runPart(async () => {
  if (!databaseUrl) {
    console.log('Part 6 skipped: DATABASE_URL is not set (for example postgres://postgres@127.0.0.1:5432/postgres).');
    return {
      part: '6',
      title: 'Part 6 — several instances on PostgreSQL',
      figures: [
        { part: '6', name: 'PostgreSQL part', value: 'skipped (no DATABASE_URL)', target: '', holds: undefined },
      ],
      details: ['Set DATABASE_URL to a PostgreSQL server where a database may be created, then run npm run bench:pg.'],
    };
  }
  const name = `passerelle_bench_${randomBytes(5).toString('hex')}`;
  const admin = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  const work = await mkdtemp(path.join(os.tmpdir(), 'passerelle-bench-pg-'));
  const servers: ServerProcess[] = [];
  try {
    return await measure(url.toString(), work, servers);
  } finally {
    for (const server of servers) await server.stop('SIGKILL').catch(() => {});
    await rm(work, { recursive: true, force: true });
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
});

async function measure(databaseUrl: string, work: string, servers: ServerProcess[]) {
  const coursesDir = path.join(work, 'courses');
  await generateCourses(path.join(root, 'courses'), coursesDir, 4, 5);
  const { catalog } = await loadCatalog(coursesDir);
  const course: Course = catalog.courses[0]!;
  const pages = course.modules.map((m) => `/courses/${course.slug}/${m.slug}`);
  const quizzes = rushQuizzes(course);

  const store = await openPostgresStore({ url: databaseUrl, collections, schemaVersion, migrations });
  const seed = await seedInto(store, {
    catalog,
    learners: Number(args.learners),
    progressRows: Number(args.progress),
    onProgress: (rows) => process.stderr.write(`\rseeding: ${int(rows)} progress rows   `),
  }).finally(() => store.close());
  process.stderr.write('\n');
  // What autovacuum does on a live database: the planner needs statistics to use the indexes well.
  const analyze = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  await analyze`analyze`;
  await analyze.end();

  // The HR dashboard is measured, not the second factor its first sign-in would ask the bench's admin to set up.
  const env = { DATABASE_URL: databaseUrl, TRUST_PROXY: '1', MFA_REQUIRED_ROLES: 'none' };
  for (const label of ['a', 'b'])
    servers.push(
      await startPasserelle({ dataDir: path.join(work, `data-${label}`), coursesDir, metrics: true, extraEnv: env }),
    );
  const [a, b] = servers as [ServerProcess, ServerProcess];
  const balancer = await startProcess('bench/lib/round-robin.ts', { BACKENDS: `${a.base},${b.base}` });
  servers.push(balancer);
  if (args['hr-only']) return hrOnly(balancer.base, [a, b], seed.counts);

  const active = Number(args.active);
  const picked = [...seed.learners].sort(() => Math.random() - 0.5).slice(0, active);
  const signInSeconds = Number(args['signin-seconds']);
  const signIn = await runLoad({
    kind: 'signIn',
    base: balancer.base,
    learners: picked.map((l, i) => ({ email: l.email, password: benchPassword, landing: pages[i % pages.length]! })),
    arrivalsMs: picked.map(() => Math.random() * signInSeconds * 1000).sort((x, y) => x - y),
  });
  const meanThink = (active / Number(args.rate)) * 1000;
  // Where the time goes: CPU seconds of each instance and of PostgreSQL's processes, event-loop delay.
  const cpuOf = [processCpu(a.pid), processCpu(b.pid)];
  const cpuBefore = await Promise.all(cpuOf.map((read) => read()));
  const dbCpuBefore = await postgresCpuSeconds();
  await Promise.all([a.metrics(true), b.metrics(true)]);
  const rush = await runLoad({
    kind: 'rush',
    base: balancer.base,
    learners: signIn.learners,
    seconds: Number(args.seconds),
    thinkMs: [meanThink * 0.48, meanThink * 1.52],
    pages,
    quizzes,
    submitShare: 0.15,
  });

  const loops = await Promise.all([a.metrics(), b.metrics()]);
  const cpuUsed = (await Promise.all(cpuOf.map((read) => read()))).map((after, i) => after - cpuBefore[i]!);
  const dbCpu = (await postgresCpuSeconds()) - dbCpuBefore;
  const dashboard = await hrDashboard(balancer.base, [a, b]);
  const exported = await exportAll(balancer.base, [a, b]);

  // Kill one instance: what either acknowledged must be in the database; the other keeps answering.
  await a.stop('SIGKILL');
  const afterKill = new Browser(balancer.base);
  const stillServed = (await afterKill.request('GET', '/login')).status;
  afterKill.close();
  const check = postgres(databaseUrl, { max: 2, onnotice: () => {} });
  const ids = Object.values(rush.acknowledged).flat();
  const found = ids.length
    ? (await check<{ n: number }[]>`select count(*)::int as n from attempts where id = any(${ids})`)[0]!.n
    : 0;
  await check.end();

  const pageLatency = summarize([...signIn.landingLatencies, ...rush.pageLatencies]);
  const errors = signIn.errors.length + rush.errorCount;
  const figures: Figure[] = [
    figure('sign-in (POST /login) p99, two instances', signIn.signIn.p99, targets.signInMs),
    figure('module page p99, two instances', pageLatency.p99, targets.pageMs),
    figure('quiz submission p99, two instances', rush.submissions.p99, targets.submitMs),
    { part: '6', name: 'errors (two instances)', value: String(errors), target: '0', holds: errors === 0 },
    {
      part: '6',
      name: 'acknowledged submissions in PostgreSQL after kill -9 of one instance',
      value: `${int(found)} / ${int(ids.length)}`,
      target: 'all',
      holds: ids.length > 0 && found === ids.length,
    },
    {
      part: '6',
      name: 'other instance answers after the kill',
      value: String(stillServed),
      target: '200',
      holds: stillServed === 200,
    },
    ...hrFigures(dashboard, exported),
  ];
  return {
    part: '6',
    title: 'Part 6 — several instances on PostgreSQL',
    figures,
    details: [
      `Database: ${int(seed.counts.users ?? 0)} accounts, ${int(seed.counts.progress ?? 0)} progress rows, ${int(seed.counts.enrollments ?? 0)} enrollments, ${int(seed.counts.attempts ?? 0)} attempts (seeded in ${seed.seconds.toFixed(0)} s). Two instances ready ${ms(a.readyMs)} and ${ms(b.readyMs)} after spawn; round-robin balancer in its own process.`,
      `Phase 1: ${signIn.learners.length} of ${active} learners signed in over ${signInSeconds} s; POST /login p50/p99/max ${ms(signIn.signIn.p50)} / ${ms(signIn.signIn.p99)} / ${ms(signIn.signIn.max)}.`,
      `Phase 2: ${int(rush.requests)} requests in ${rush.seconds.toFixed(0)} s = ${rush.perSecond.toFixed(0)} requests/s; module pages p50/p99/max ${ms(rush.pages.p50)} / ${ms(rush.pages.p99)} / ${ms(rush.pages.max)}; ${int(rush.submissions.count)} submissions p50/p99/max ${ms(rush.submissions.p50)} / ${ms(rush.submissions.p99)} / ${ms(rush.submissions.max)}.`,
      `Phase 2, where the time went: CPU of the instances ${cpuUsed.map((c) => `${c.toFixed(1)} s`).join(' / ')} (${((1000 * (cpuUsed[0]! + cpuUsed[1]!)) / Math.max(1, rush.requests)).toFixed(1)} ms per request), PostgreSQL ${dbCpu.toFixed(1)} s (${((1000 * dbCpu) / Math.max(1, rush.requests)).toFixed(1)} ms per request), over ${rush.seconds.toFixed(0)} s on ${os.cpus().length} cores; event-loop delay p99/max ${loops.map((m) => `${ms(m.eventLoopDelayMs.p99)} / ${ms(m.eventLoopDelayMs.max)}`).join(' and ')}.`,
      ...hrDetails(dashboard, exported),
      `Errors: ${[...signIn.errors, ...rush.errors].slice(0, 5).join('; ') || 'none'}.`,
    ],
  };
}

type Dashboard = Awaited<ReturnType<typeof hrDashboard>>;
type Exported = Awaited<ReturnType<typeof exportAll>>;

/** The HR dashboard's and the export's figures, in the full part and in the HR part alone. */
function hrFigures(dashboard: Dashboard, exported: Exported): Figure[] {
  const { kept, keptAtHalf } = exported;
  const lastHalf = kept - keptAtHalf;
  const cold = Math.max(...dashboard.firstOf.map((first) => first.ms));
  return [
    {
      part: '6',
      name: `HR dashboard first page, one structure (${int(dashboard.rows)} rows) p99`,
      value: `${ms(dashboard.p99)} (p50 ${ms(dashboard.p50)}; server CPU ${ms(dashboard.cpuMs)}/request)`,
      target: `≤ ${ms(targets.hrMs)}`,
      holds: dashboard.p99 <= targets.hrMs,
    },
    {
      part: '6',
      name: 'HR dashboard, first request of each instance',
      value: `${dashboard.firstOf.map((first) => ms(first.ms)).join(' / ')} (server CPU ${dashboard.firstOf.map((first) => ms(first.cpuMs)).join(' / ')})`,
      target: `≤ ${ms(targets.hrMs)}`,
      holds: cold <= targets.hrMs,
    },
    {
      part: '6',
      name: `CSV export of every completion (${int(exported.rows)} rows): JS heap kept by the instance`,
      value: Number.isNaN(keptAtHalf)
        ? `${kept.toFixed(1)} MB (too short to sample each half)`
        : `${kept.toFixed(1)} MB (${keptAtHalf.toFixed(1)} MB over the first half of the rows)`,
      target: `flat: ≤ ${targets.exportHeapMb} MB, last half ≤ +${targets.exportLastHalfMb} MB`,
      holds: kept <= targets.exportHeapMb && lastHalf <= targets.exportLastHalfMb,
    },
  ];
}

function hrDetails(dashboard: Dashboard, exported: Exported): string[] {
  return [
    `HR dashboard (admin, \`?structure=…\`): first request of each instance ${dashboard.firstOf.map((first) => `${ms(first.ms)} (server CPU ${ms(first.cpuMs)})`).join(' / ')}; then, after ${hr.warmUp} not counted, ${hr.requests} requests one after the other: p50 ${ms(dashboard.p50)}, p99 ${ms(dashboard.p99)}, max ${ms(dashboard.max)}; server CPU ${ms(dashboard.cpuMs)}/request, PostgreSQL CPU ${ms(dashboard.dbMs)}/request (every PostgreSQL process of the machine).`,
    `Export: ${int(exported.rows)} rows, ${mb(exported.bytes / 1048576)} in ${exported.seconds.toFixed(1)} s (with a full garbage collection of the serving instance every ${exportSampleMs} ms to read the heap it keeps: ${exported.samples} samples, ${exported.kept.toFixed(1)} MB at most); its RSS ${mb(exported.rssBefore)} before, ${mb(exported.rssPeak)} at most during (not judged: RSS also holds garbage not yet collected).`,
  ];
}

/** The HR part alone: the dashboard of one structure and the export, on the same data and instances. */
async function hrOnly(base: string, instances: ServerProcess[], counts: Record<string, number>) {
  const dashboard = await hrDashboard(base, instances);
  const exported = await exportAll(base, instances);
  return {
    part: '6',
    title: 'Part 6 — several instances on PostgreSQL (HR only)',
    figures: hrFigures(dashboard, exported),
    details: [
      `Database: ${int(counts.users ?? 0)} accounts, ${int(counts.progress ?? 0)} progress rows, ${int(counts.enrollments ?? 0)} enrollments.`,
      ...hrDetails(dashboard, exported),
    ],
  };
}

function figure(name: string, value: number, target: number): Figure {
  return { part: '6', name, value: ms(value), target: `≤ ${ms(target)}`, holds: value <= target };
}

function signInAdmin(base: string): Promise<Browser> {
  return signedIn(base, 'admin@exemple.org', benchPassword, '/hr');
}

/**
 * The HR of one structure opening the dashboard through the balancer. The first request each instance
 * answers is kept apart: it is the first after the instance started (code and templates loaded on first
 * use), which an HR meets once per instance after it starts; counted with the others, it was the p99 itself
 * (2 of 30 requests). Then, as in part 9, `hr.requests` requests one after the other after `hr.warmUp` not
 * counted, with the instances' CPU.
 */
async function hrDashboard(base: string, instances: ServerProcess[]) {
  const browser = await signInAdmin(base);
  const structure = encodeURIComponent('Structure 3 — Élan solidaire');
  const cpuUs = () => Promise.all(instances.map((s) => serverCpuUs(s.base)));
  const firstOf: ({ ms: number; cpuMs: number } | undefined)[] = instances.map(() => undefined);
  let rows = 0;
  const ask = async () => {
    const page = await browser.request('GET', `/hr?structure=${structure}`);
    if (page.status !== 200) throw new Error(`/hr answered ${page.status}`);
    rows = Number(/<caption>(\d+) réalisations?/.exec(page.body)?.[1] ?? 0);
    return page;
  };
  // Each instance's CPU read around the requests not counted only, so that reading it costs the others nothing.
  for (let i = 0; i < hr.warmUp; i++) {
    const before = await cpuUs();
    const page = await ask();
    const served = Number(page.headers['x-backend']);
    if (!firstOf[served]) firstOf[served] = { ms: page.ms, cpuMs: ((await cpuUs())[served]! - before[served]!) / 1000 };
  }
  if (firstOf.some((first) => first === undefined)) throw new Error('an instance answered no HR request');
  const sum = async () => (await cpuUs()).reduce((x, y) => x + y);
  const cpuBefore = await sum();
  const dbBefore = await postgresCpuSeconds();
  const latencies: number[] = [];
  for (let i = 0; i < hr.requests; i++) latencies.push((await ask()).ms);
  const cpuMs = ((await sum()) - cpuBefore) / 1000 / hr.requests;
  const dbMs = (((await postgresCpuSeconds()) - dbBefore) * 1000) / hr.requests;
  browser.close();
  return { ...summarize(latencies), rows, firstOf: firstOf as { ms: number; cpuMs: number }[], cpuMs, dbMs };
}

/**
 * The CSV export of every completion, downloaded (not kept) while the serving instance is asked every
 * `exportSampleMs` for its JS heap after a full garbage collection: what it keeps, against the same before
 * the export. A streamed export keeps one cursor batch and the streams' buffers whatever the number of
 * rows; one that kept its rows would grow with them (the 200,000 rows are 40 MB of text alone). RSS, or
 * heap used without a collection, also holds the garbage not yet collected, which varied 5–106 MB between
 * runs of the same code: they cannot tell flat from growing. The peak over the first half of the rows is
 * kept apart: if the export kept anything per row, the last half would add as much again.
 */
async function exportAll(base: string, instances: ServerProcess[]) {
  const browser = await signInAdmin(base);
  const before = await Promise.all(instances.map((s) => s.retainedHeapMb()));
  const rssBefore = await Promise.all(instances.map(async (s) => (await s.rssMb()) ?? 0));
  let serving: number | undefined;
  let newlines = 0;
  let done = false;
  const samples: { rows: number; kept: number }[] = [];
  const rssPeak = [...rssBefore];
  const rssTimer = setInterval(async () => {
    for (const [i, s] of instances.entries()) rssPeak[i] = Math.max(rssPeak[i]!, (await s.rssMb()) ?? 0);
  }, 100);
  const sampling = (async () => {
    while (!done) {
      await new Promise((resolve) => setTimeout(resolve, exportSampleMs));
      if (serving === undefined || done) continue;
      const rows = Math.max(0, newlines - 1);
      samples.push({ rows, kept: (await instances[serving]!.retainedHeapMb()) - before[serving]! });
    }
  })();
  const res = await browser
    .download('/hr/exports/completions.csv', (chunk, headers) => {
      serving ??= Number(headers['x-backend']);
      for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) newlines++;
    })
    .finally(() => {
      done = true;
      clearInterval(rssTimer);
    });
  await sampling;
  browser.close();
  if (res.status !== 200 || serving === undefined) throw new Error(`export answered ${res.status}`);
  // One line per row after the header, each ending with CRLF.
  const rows = newlines - 1;
  const firstHalf = samples.filter((sample) => sample.rows <= rows / 2);
  const lastHalf = samples.filter((sample) => sample.rows > rows / 2);
  const peak = (list: typeof samples) => (list.length ? Math.max(...list.map((sample) => sample.kept)) : Number.NaN);
  return {
    rows,
    bytes: res.bytes,
    seconds: res.ms / 1000,
    samples: samples.length,
    kept: Math.max(peak(samples), 0),
    keptAtHalf: lastHalf.length ? peak(firstHalf) : Number.NaN,
    rssBefore: rssBefore[serving]!,
    rssPeak: rssPeak[serving]!,
  };
}
