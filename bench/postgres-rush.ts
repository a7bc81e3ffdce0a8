// Part 6 — several instances on PostgreSQL (npm run bench:pg; skipped with a message without DATABASE_URL).
// A fresh database with 50,000 accounts and 1,000,000 progress rows (four generated courses of five
// modules); two Passerelle instances, each in its own process with its own data folder, behind a small
// round-robin load balancer in a third process; the load generator in a fourth. Then the morning rush of
// part 2 through the balancer (500 sign-ins in 60 s, then 500 learners at ~200 requests/s), the HR
// dashboard filtered by structure (what an HR of one structure opens), a CSV export of every completion
// row with the serving instances' memory sampled, and finally one instance killed with SIGKILL: every
// submission acknowledged by either must be in the database, and the other keeps answering.
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
import { type Figure, int, mb, ms, percentile, runPart, summarize } from './lib/figures.ts';
import { generateCourses } from './lib/generate-courses.ts';
import { Browser, signedIn } from './lib/http-client.ts';
import { runLoad } from './lib/load-jobs.ts';
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
const targets = { pageMs: 150, submitMs: 300, signInMs: 1000, hrMs: 300 };
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
  const hr = await hrDashboard(balancer.base);
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
    ...hrFigures(hr, exported),
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
      `HR dashboard (admin, ?structure=…, 30 requests): p50 ${ms(hr.p50)}, p99 ${ms(hr.p99)}. Export: ${int(exported.rows)} rows, ${mb(exported.bytes / 1048576)} in ${exported.seconds.toFixed(1)} s; RSS of the instances before ${exported.before.map(mb).join(' / ')}, peak during ${exported.peak.map(mb).join(' / ')}.`,
      `Errors: ${[...signIn.errors, ...rush.errors].slice(0, 5).join('; ') || 'none'}.`,
    ],
  };
}

/** The HR dashboard's and the export's figures, in the full part and in the HR part alone. */
function hrFigures(
  hr: Awaited<ReturnType<typeof hrDashboard>>,
  exported: Awaited<ReturnType<typeof exportAll>>,
): Figure[] {
  return [
    figure(`HR dashboard first page, one structure (${int(hr.rows)} rows) p99`, hr.p99, targets.hrMs),
    {
      part: '6',
      name: `CSV export of every completion (${int(exported.rows)} rows): memory growth of the instance`,
      value: mb(exported.growthMb),
      target: 'flat (≤ 64 MB)',
      holds: exported.growthMb <= 64,
    },
  ];
}

/** The HR part alone: the dashboard of one structure and the export, on the same data and instances. */
async function hrOnly(base: string, instances: ServerProcess[], counts: Record<string, number>) {
  const hr = await hrDashboard(base);
  const exported = await exportAll(base, instances);
  return {
    part: '6',
    title: 'Part 6 — several instances on PostgreSQL (HR only)',
    figures: hrFigures(hr, exported),
    details: [
      `Database: ${int(counts.users ?? 0)} accounts, ${int(counts.progress ?? 0)} progress rows, ${int(counts.enrollments ?? 0)} enrollments.`,
      `HR dashboard (admin, ?structure=…, 30 requests): p50 ${ms(hr.p50)}, p99 ${ms(hr.p99)}. Export: ${int(exported.rows)} rows, ${mb(exported.bytes / 1048576)} in ${exported.seconds.toFixed(1)} s; RSS of the instances before ${exported.before.map(mb).join(' / ')}, peak during ${exported.peak.map(mb).join(' / ')}.`,
    ],
  };
}

function figure(name: string, value: number, target: number): Figure {
  return { part: '6', name, value: ms(value), target: `≤ ${ms(target)}`, holds: value <= target };
}

function signInAdmin(base: string): Promise<Browser> {
  return signedIn(base, 'admin@exemple.org', benchPassword, '/hr');
}

async function hrDashboard(base: string) {
  const browser = await signInAdmin(base);
  const structure = encodeURIComponent('Structure 3 — Élan solidaire');
  const latencies: number[] = [];
  let rows = 0;
  for (let i = 0; i < 30; i++) {
    const page = await browser.request('GET', `/hr?structure=${structure}`);
    if (page.status !== 200) throw new Error(`/hr answered ${page.status}`);
    latencies.push(page.ms);
    rows = Number(/<caption>(\d+) réalisations?/.exec(page.body)?.[1] ?? 0);
  }
  browser.close();
  const sorted = latencies.sort((x, y) => x - y);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), rows };
}

async function exportAll(base: string, instances: ServerProcess[]) {
  const browser = await signInAdmin(base);
  const before = await Promise.all(instances.map(async (s) => (await s.rssMb()) ?? 0));
  const peak = [...before];
  const timer = setInterval(async () => {
    for (const [i, s] of instances.entries()) peak[i] = Math.max(peak[i]!, (await s.rssMb()) ?? 0);
  }, 100);
  const started = performance.now();
  const res = await browser.request('GET', '/hr/exports/completions.csv');
  clearInterval(timer);
  browser.close();
  if (res.status !== 200) throw new Error(`export answered ${res.status}`);
  const rows = res.body.split('\r\n').filter((line) => line !== '').length - 1;
  const growthMb = Math.max(...peak.map((p, i) => p - before[i]!));
  return { rows, bytes: res.bytes, seconds: (performance.now() - started) / 1000, before, peak, growthMb };
}
