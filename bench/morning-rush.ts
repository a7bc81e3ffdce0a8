// Part 2 — the Monday-morning rush (npm run bench:rush).
// 10,000 learners and 100,000 progress rows in the store; the real server in its own process, the load
// generator in another. Phase 1: 500 distinct learners sign in during 60 s (GET /login for the CSRF token,
// POST /login, then the module page they were sent to), arriving at random (a Poisson process).
// Phase 2: the same 500 learners, one keep-alive connection each, for 60 s at ~200 requests/s: module
// pages (85 %) and quiz submissions (15 %) of the mandatory course. Then the server is killed (SIGKILL:
// only what was acknowledged may count) and every submission acknowledged (the result page, 200) is looked up in the
// store. Event-loop delay and memory are measured inside the server (BENCH_METRICS=1).
// Options: --learners 10000 --progress 100000 --active 500 --signin-seconds 60 --seconds 60 --rate 200
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Course } from '../server/catalog/course.ts';
import { loadCatalog } from '../server/catalog/load-catalog.ts';
import { openAppStore } from '../server/open-app-store.ts';
import { type Figure, int, mb, ms, runPart, summarize } from './lib/figures.ts';
import { type RushResult, runLoad, type SignInResult } from './lib/load-jobs.ts';
import { type OtherLoad, otherLoad } from './lib/other-load.ts';
import { rushQuizzes } from './lib/quiz-bodies.ts';
import { benchPassword, seedStore } from './lib/seed.ts';
import { type BenchMetrics, root, startPasserelle } from './lib/server-process.ts';

const { values: args } = parseArgs({
  options: {
    learners: { type: 'string', default: '10000' },
    progress: { type: 'string', default: '100000' },
    active: { type: 'string', default: '500' },
    'signin-seconds': { type: 'string', default: '60' },
    seconds: { type: 'string', default: '60' },
    rate: { type: 'string', default: '200' },
  },
  strict: false,
});
const learnerCount = Number(args.learners);
const progressRows = Number(args.progress);
const active = Number(args.active);
const signInSeconds = Number(args['signin-seconds']);
const seconds = Number(args.seconds);
const rate = Number(args.rate);
const submitShare = 0.15;
const targets = { pageMs: 150, submitMs: 300, signInMs: 1000, loopMs: 100 };

await runPart(async () => {
  const { catalog } = await loadCatalog(path.join(root, 'courses'));
  const course: Course = catalog.courses[0]!;
  const pages = course.modules.map((m) => `/courses/${course.slug}/${m.slug}`);
  const quizzes = rushQuizzes(course);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'passerelle-bench-rush-'));
  try {
    const seed = await seedStore(dataDir, { catalog, learners: learnerCount, progressRows });
    const server = await startPasserelle({ dataDir, coursesDir: path.join(root, 'courses'), metrics: true });
    let phase1: BenchMetrics;
    let phase2: BenchMetrics;
    const picked = [...seed.learners];
    for (let i = picked.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [picked[i], picked[j]] = [picked[j]!, picked[i]!];
    }
    picked.length = Math.min(active, picked.length);
    const userIdOf = new Map(picked.map((l) => [l.email, l.id]));
    let signIn: SignInResult;
    let rush: RushResult;
    let others: Awaited<ReturnType<typeof otherLoad>>;
    let other: OtherLoad;
    try {
      await server.metrics(true);
      // Arrivals of a Poisson process knowing that `active` learners arrive in the window: sorted uniforms.
      const arrivals = picked.map(() => Math.random() * signInSeconds * 1000).sort((a, b) => a - b);
      signIn = await runLoad({
        kind: 'signIn',
        base: server.base,
        learners: picked.map((l, i) => ({
          email: l.email,
          password: benchPassword,
          landing: pages[i % pages.length]!,
        })),
        arrivalsMs: arrivals,
      });
      phase1 = await server.metrics(true);
      const meanThink = (active / rate) * 1000;
      others = await otherLoad();
      rush = await runLoad({
        kind: 'rush',
        base: server.base,
        learners: signIn.learners,
        seconds,
        thinkMs: [meanThink * 0.48, meanThink * 1.52],
        pages,
        quizzes,
        submitShare,
      });
      phase2 = await server.metrics();
      other = await others();
    } finally {
      // A profiled server must exit normally to write its profile (BENCH_PROFILE=1).
      await server.stop(process.env.BENCH_PROFILE === '1' ? 'SIGTERM' : 'SIGKILL');
    }

    // Every acknowledged submission must be in the store, for the right learner.
    const store = await openAppStore(dataDir);
    let acknowledged = 0;
    let missing = 0;
    try {
      for (const [email, attemptIds] of Object.entries(rush.acknowledged)) {
        for (const id of attemptIds) {
          acknowledged++;
          const attempt = await store.get('attempts', id);
          if (!attempt || attempt.userId !== userIdOf.get(email)) missing++;
        }
      }
    } finally {
      await store.close();
    }

    const pageLatency = summarize([...signIn.landingLatencies, ...rush.pageLatencies]);
    const errors = signIn.errors.length + rush.errorCount;
    const loopMax = Math.max(phase1.eventLoopDelayMs.max, phase2.eventLoopDelayMs.max);
    const cpuOf = (m: BenchMetrics) => m.cpuMicros.user + m.cpuMicros.system;
    const cpuPerRequest = (cpuOf(phase2) - cpuOf(phase1)) / Math.max(1, rush.requests);
    const disturbed = other.disturbed ? ' (disturbed)' : '';
    const figures: Figure[] = [
      {
        part: '2',
        name: 'sign-in (POST /login) p99',
        value: ms(signIn.signIn.p99),
        target: `≤ ${ms(targets.signInMs)}`,
        holds: signIn.signIn.p99 <= targets.signInMs,
      },
      {
        part: '2',
        name: 'module page p99',
        value: ms(pageLatency.p99),
        target: `≤ ${ms(targets.pageMs)}`,
        holds: pageLatency.p99 <= targets.pageMs,
      },
      {
        part: '2',
        name: 'quiz submission p99',
        value: ms(rush.submissions.p99),
        target: `≤ ${ms(targets.submitMs)}`,
        holds: rush.submissions.p99 <= targets.submitMs,
      },
      { part: '2', name: 'errors', value: String(errors), target: '0', holds: errors === 0 },
      {
        part: '2',
        name: 'acknowledged submissions in the store',
        value: `${int(acknowledged - missing)} / ${int(acknowledged)}`,
        target: 'all',
        holds: missing === 0 && acknowledged > 0,
      },
      {
        part: '2',
        name: 'event-loop delay max (in the server)',
        value: ms(loopMax),
        target: `≤ ${ms(targets.loopMs)}`,
        holds: loopMax <= targets.loopMs,
      },
      {
        part: '2',
        name: 'server CPU per request, phase 2',
        value: `${int(cpuPerRequest)} µs${disturbed}`,
        target: '',
        holds: undefined,
      },
      {
        part: '2',
        name: 'peak memory of the server (max RSS)',
        value: mb(phase2.memoryMb.maxRss),
        target: '',
        holds: undefined,
      },
    ];
    return {
      part: '2',
      title: 'Part 2 — morning rush',
      figures,
      details: [
        `Store: ${int(seed.counts.users ?? 0)} accounts, ${int(seed.counts.progress ?? 0)} progress rows, ${int(seed.counts.enrollments ?? 0)} enrollments, ${int(seed.counts.attempts ?? 0)} attempts (seeded in ${seed.seconds.toFixed(0)} s); server ready ${ms(server.readyMs)} after spawn.`,
        `Phase 1: ${signIn.learners.length} of ${active} learners signed in over ${signInSeconds} s (Poisson arrivals). GET /login p50/p99 ${ms(signIn.loginForm.p50)} / ${ms(signIn.loginForm.p99)}; POST /login p50/p99/max ${ms(signIn.signIn.p50)} / ${ms(signIn.signIn.p99)} / ${ms(signIn.signIn.max)}; landing page p99 ${ms(signIn.landing.p99)}. Event loop max ${ms(phase1.eventLoopDelayMs.max)}, p99 ${ms(phase1.eventLoopDelayMs.p99)}.`,
        `Phase 2: ${signIn.learners.length} learners on ${rush.connectionsOpened} connections (${rush.openConnections} still open at the end), ${int(rush.requests)} requests in ${rush.seconds.toFixed(0)} s = ${rush.perSecond.toFixed(0)} requests/s (target ~${rate}); ${int(rush.pages.count)} module pages p50/p99/max ${ms(rush.pages.p50)} / ${ms(rush.pages.p99)} / ${ms(rush.pages.max)}; ${int(rush.submissions.count)} quiz submissions p50/p99/max ${ms(rush.submissions.p50)} / ${ms(rush.submissions.p99)} / ${ms(rush.submissions.max)}. Event loop max ${ms(phase2.eventLoopDelayMs.max)}, p99 ${ms(phase2.eventLoopDelayMs.p99)}.`,
        `Phase 2: the server used ${int(cpuPerRequest)} µs of CPU per request (process.cpuUsage); the rest of the machine used ${other.cores.toFixed(2)} cores meanwhile${disturbed || ' (quiet)'}.`,
        `Module pages over both phases: ${int(pageLatency.count)}, p50 ${ms(pageLatency.p50)}, p99 ${ms(pageLatency.p99)}, max ${ms(pageLatency.max)}.`,
        `Garbage collection: phase 1 ${phase1.gc.count} pauses, ${ms(phase1.gc.totalMs)} in all, longest ${ms(phase1.gc.maxMs)} (${phase1.gc.maxKind}); phase 2 ${phase2.gc.count} pauses, ${ms(phase2.gc.totalMs)}, longest ${ms(phase2.gc.maxMs)} (${phase2.gc.maxKind}).`,
        `Stalls of 40 ms or more (server uptime: length): ${[...phase1.stalls, ...phase2.stalls].map((s) => `${s.atSeconds} s: ${s.ms} ms`).join(', ') || 'none'}.`,
        `Server memory at the end: RSS ${mb(phase2.memoryMb.rss)}, JS heap ${mb(phase2.memoryMb.heapUsed)}, peak RSS ${mb(phase2.memoryMb.maxRss)}.`,
        `Errors: ${[...signIn.errors, ...rush.errors].slice(0, 5).join('; ') || 'none'}.`,
        'The server was then killed with SIGKILL and the store reopened: acknowledged = answered 200 with the result page of the attempt’s id.',
      ],
    };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});
