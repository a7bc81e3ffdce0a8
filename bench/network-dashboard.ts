// Part 9 — the HR dashboard of a national network (npm run bench:network).
// A network of 1,000 associations under twelve regional federations (one association in five with two
// services) and 50,000 staff spread over them, with their enrollments, progress and certificates and one
// course assigned to everyone with a past due date (late rows). An HR granted on one federation and an
// HR of the whole network each open the dashboard's first page, unfiltered and filtered on a structure,
// through the real server in its own process: on the embedded store, then on PostgreSQL (skipped with a
// message without DATABASE_URL). Each case is asked `--requests` times one after the other; the server's
// CPU time per request (BENCH_METRICS=cpu) is the figure that holds on a shared machine.
// Options: --staff 50000 --associations 1000 --progress 550000 --requests 200 --stores embedded,postgres
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { loadCatalog } from '../server/catalog/load-catalog.ts';
import { collections, migrations, schemaVersion } from '../server/collections.ts';
import { openAppJournalStore } from '../server/open-app-store.ts';
import type { AppStore } from '../server/store/app-collections.ts';
import { openPostgresStore } from '../server/store/postgres/open-postgres-store.ts';
import { type Figure, int, ms, runPart, summarize } from './lib/figures.ts';
import { generateCourses } from './lib/generate-courses.ts';
import { type Browser, signedIn } from './lib/http-client.ts';
import { networkPlan } from './lib/network-plan.ts';
import { serverCpuUs } from './lib/page-slices.ts';
import { postgresCpuSeconds } from './lib/process-cpu.ts';
import { benchPassword } from './lib/seed.ts';
import { networkHr, type SeededNetwork, seedNetwork } from './lib/seed-network.ts';
import { root, type ServerProcess, startPasserelle } from './lib/server-process.ts';

const { values: args } = parseArgs({
  options: {
    staff: { type: 'string', default: '50000' },
    associations: { type: 'string', default: '1000' },
    progress: { type: 'string', default: '550000' },
    requests: { type: 'string', default: '200' },
    stores: { type: 'string', default: 'embedded,postgres' },
  },
  strict: false,
});
const requests = Number(args.requests);
const stores = String(args.stores).split(',');
const databaseUrl = process.env.DATABASE_URL;
const part = '9';
const at = new Date(Date.UTC(2026, 8, 1, 8)).toISOString();

// The dashboard is measured, not the second factor an HR's first sign-in would ask for.
const benchEnv = { MFA_REQUIRED_ROLES: 'none' };

/** What is measured: who asks, which URL, and the target of its p99. */
interface Case {
  name: string;
  who: keyof typeof networkHr;
  url: string;
  targetMs: number;
  /** Learners (of as many associations) who each open a module before every request: each view is a write. */
  writers?: number;
}

await runPart(async () => {
  const work = await mkdtemp(path.join(os.tmpdir(), 'passerelle-bench-network-'));
  try {
    const coursesDir = path.join(work, 'courses');
    await generateCourses(path.join(root, 'courses'), coursesDir, 4, 5);
    const { catalog } = await loadCatalog(coursesDir);
    const course = catalog.courses[0]!;
    const modules = course.modules.slice(0, 2).map((module) => `/courses/${course.slug}/${module.slug}`);
    const plan = networkPlan(Number(args.associations), at);
    const otherFederation = plan.federations[1]!;
    // The largest association of the first federation, and another federation for the network's HR.
    const association = plan.structureOf(0).replace(/-(accueil|insertion)$/, '');
    const cases: Case[] = [
      { name: 'federation HR, first page', who: 'federation', url: '/hr', targetMs: 300 },
      {
        name: 'federation HR, one association',
        who: 'federation',
        url: `/hr?structure=${association}`,
        targetMs: 300,
      },
      { name: 'network HR, first page', who: 'network', url: '/hr', targetMs: 500 },
      // What the journal store keeps between requests (decision 028) is dropped for each structure a write
      // touches: the same page while learners of 50 associations make progress between two requests.
      { name: 'network HR, first page, 50 learners writing', who: 'network', url: '/hr', targetMs: 500, writers: 50 },
      { name: 'network HR, one federation', who: 'network', url: `/hr?structure=${otherFederation}`, targetMs: 300 },
    ];
    const seed = (store: AppStore) =>
      seedNetwork(store, { catalog, plan, staff: Number(args.staff), progressRows: Number(args.progress), at });
    const figures: Figure[] = [];
    const details: string[] = [
      `Network: ${int(plan.structures.length)} structures (root, ${plan.federations.length} federations, ${int(Number(args.associations))} associations, services), ${int(Number(args.staff))} staff; ${requests} requests per case, one after the other, after 5 not counted.`,
    ];

    if (stores.includes('embedded')) {
      const dataDir = path.join(work, 'data-embedded');
      const store = await openAppJournalStore(dataDir);
      const seeded = await seed(store).finally(async () => {
        await store.compact();
        await store.close();
      });
      details.push(`Embedded store: ${seeded} (seeded in ${seeded.seconds.toFixed(0)} s).`);
      const server = await startPasserelle({
        dataDir,
        coursesDir,
        metrics: 'cpu',
        extraEnv: benchEnv,
        timeoutMs: 300_000,
      });
      try {
        const measured = await measureCases(server, cases, 'embedded store', modules);
        figures.push(...measured.figures);
        details.push(...measured.details);
      } finally {
        await server.stop();
      }
    }

    if (stores.includes('postgres')) {
      if (!databaseUrl) {
        console.log('Part 9, PostgreSQL half skipped: DATABASE_URL is not set.');
        figures.push({
          part,
          name: 'HR dashboard of the network on PostgreSQL',
          value: 'skipped (no DATABASE_URL)',
          target: '',
          holds: undefined,
        });
        details.push('PostgreSQL: skipped; set DATABASE_URL to a server where a database may be created.');
      } else {
        const measured = await onPostgres(databaseUrl, work, coursesDir, seed, cases, modules);
        figures.push(...measured.figures);
        details.push(...measured.details);
      }
    }
    return { part, title: 'Part 9 — HR dashboard of a network of 1,000 structures', figures, details };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
});

async function onPostgres(
  url: string,
  work: string,
  coursesDir: string,
  seed: (store: AppStore) => Promise<SeededNetwork>,
  cases: Case[],
  modules: string[],
) {
  const name = `passerelle_bench_${randomBytes(5).toString('hex')}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  let server: ServerProcess | undefined;
  try {
    const store = await openPostgresStore({ url: target.toString(), collections, schemaVersion, migrations });
    const seeded = await seed(store).finally(() => store.close());
    // What autovacuum does on a live database: the planner needs statistics to use the indexes well.
    const analyze = postgres(target.toString(), { max: 1, onnotice: () => {} });
    await analyze`analyze`;
    await analyze.end();
    server = await startPasserelle({
      dataDir: path.join(work, 'data-postgres'),
      coursesDir,
      metrics: 'cpu',
      extraEnv: { ...benchEnv, DATABASE_URL: target.toString() },
      timeoutMs: 300_000,
    });
    const measured = await measureCases(server, cases, 'PostgreSQL', modules);
    return {
      figures: measured.figures,
      details: [`PostgreSQL: ${seeded} (seeded in ${seeded.seconds.toFixed(0)} s).`, ...measured.details],
    };
  } finally {
    await server?.stop();
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

/** Each case asked `requests` times in a row by its HR: latencies, and the server's CPU time per request. */
async function measureCases(server: ServerProcess, cases: Case[], storeName: string, modules: string[]) {
  const figures: Figure[] = [];
  const details: string[] = [];
  for (const c of cases) {
    const browser = await signedIn(server.base, networkHr[c.who].email, benchPassword, '/hr');
    const writers = await learnersWriting(server.base, c.writers ?? 0, modules);
    try {
      let rows = 0;
      const ask = async () => {
        await writers.write();
        const page = await browser.request('GET', c.url);
        if (page.status !== 200) throw new Error(`${c.url} answered ${page.status} to ${c.who}`);
        rows = Number(/<caption>([\d\s\u202f\u00a0]+) réalisations?/.exec(page.body)?.[1]?.replace(/\D/g, '') ?? 0);
        return page.ms;
      };
      for (let i = 0; i < 5; i++) await ask();
      const cpuBefore = await serverCpuUs(server.base);
      const dbBefore = storeName === 'PostgreSQL' ? await postgresCpuSeconds() : 0;
      const latencies: number[] = [];
      for (let i = 0; i < requests; i++) latencies.push(await ask());
      const cpuMs = ((await serverCpuUs(server.base)) - cpuBefore) / 1000 / requests;
      const dbMs = storeName === 'PostgreSQL' ? (((await postgresCpuSeconds()) - dbBefore) * 1000) / requests : 0;
      const summary = summarize(latencies);
      const withViews = c.writers ? `, its ${c.writers} module views included` : '';
      const cpu = `server CPU ${ms(cpuMs)}/request${storeName === 'PostgreSQL' ? `, PostgreSQL CPU ${ms(dbMs)}/request` : ''}${withViews}`;
      figures.push({
        part,
        name: `${storeName}: ${c.name} (${int(rows)} rows) p99`,
        value: `${ms(summary.p99)} (p50 ${ms(summary.p50)}; ${cpu})`,
        target: `≤ ${ms(c.targetMs)}`,
        holds: summary.p99 <= c.targetMs,
      });
      details.push(
        `${storeName}, ${c.name} (\`${c.url}\`, ${int(rows)} rows): p50 ${ms(summary.p50)}, p99 ${ms(summary.p99)}, max ${ms(summary.max)} over ${summary.count} requests; ${cpu}.`,
      );
      console.log(`${storeName}, ${c.name}: p50 ${ms(summary.p50)} p99 ${ms(summary.p99)}; ${cpu}`);
    } finally {
      browser.close();
      writers.close();
    }
  }
  return { figures, details };
}

/**
 * `count` learners spread over the network, signed in; `write` has each open the next of `modules` (a
 * different module each time, so that every view records progress: decision 026 skips an unchanged one).
 */
async function learnersWriting(base: string, count: number, modules: string[]) {
  const staff = Number(args.staff);
  // One after the other: sign-ins arriving all at once are refused beyond what the server hashes at a time.
  const learners: Browser[] = [];
  for (let j = 0; j < count; j++)
    learners.push(await signedIn(base, `apprenant.${Math.floor((j * staff) / count)}@exemple.org`, benchPassword));
  let turn = 0;
  return {
    async write() {
      if (learners.length === 0) return;
      const url = modules[turn++ % modules.length]!;
      await Promise.all(
        learners.map(async (learner) => {
          const page = await learner.request('GET', url);
          if (page.status !== 200) throw new Error(`${url} answered ${page.status} to a learner`);
        }),
      );
    },
    close: () => {
      for (const learner of learners) learner.close();
    },
  };
}
