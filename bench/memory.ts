// Part 8 — the memory bill (npm run bench:memory).
// 50 courses of 10 modules, 10,000 accounts and 100,000 progress rows on the embedded store; the real
// server in its own process, started as `npm start` starts it. Memory (RSS, JS heap) once started and
// idle, then a short rush (learners signing in, then reading and answering), the peak resident memory
// since the process started (the kernel's high-water mark), and last a heap snapshot summed by type
// (where the memory goes).
// Options: --courses 50 --learners 10000 --progress 100000 --active 200 --seconds 30
import { mkdir, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadCatalog } from '../server/catalog/load-catalog.ts';
import { type Figure, int, mb, runPart } from './lib/figures.ts';
import { generateCourses } from './lib/generate-courses.ts';
import { summarizeHeap } from './lib/heap-summary.ts';
import { runLoad } from './lib/load-jobs.ts';
import { otherLoad } from './lib/other-load.ts';
import { rushQuizzes } from './lib/quiz-bodies.ts';
import { benchPassword, seedStore } from './lib/seed.ts';
import { productionNodeArgs, productionScript, root, startProcess } from './lib/server-process.ts';

const { values: args } = parseArgs({
  options: {
    courses: { type: 'string', default: '50' },
    learners: { type: 'string', default: '10000' },
    progress: { type: 'string', default: '100000' },
    active: { type: 'string', default: '200' },
    seconds: { type: 'string', default: '30' },
  },
  strict: false,
});
const targets = { idleRssMb: 150, peakRssMb: 300 };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

await runPart(async () => {
  const work = await mkdtemp(path.join(os.tmpdir(), 'passerelle-bench-memory-'));
  const coursesDir = path.join(work, 'courses');
  const dataDir = path.join(work, 'data');
  const snapshots = path.join(work, 'snapshots');
  try {
    await mkdir(snapshots);
    await generateCourses(path.join(root, 'courses'), coursesDir, Number(args.courses), 10);
    const { catalog } = await loadCatalog(coursesDir);
    const seed = await seedStore(dataDir, {
      catalog,
      learners: Number(args.learners),
      progressRows: Number(args.progress),
    });
    const server = await startProcess(
      productionScript,
      {
        NODE_ENV: 'production',
        LOG_REQUESTS: 'false',
        DATA_DIR: dataDir,
        COURSES_DIR: coursesDir,
        BENCH_METRICS: '1',
      },
      { nodeArgs: [...productionNodeArgs, '--heapsnapshot-signal=SIGUSR2', `--diagnostic-dir=${snapshots}`] },
    );
    try {
      // Idle, as a server waits for its first users: V8 gives memory back only after some seconds
      // without work (its memory reducer), so RSS is read 5 s and 30 s after start; the latter is judged.
      await sleep(5000);
      const early = await server.metrics();
      await sleep(25_000);
      const idle = await server.metrics(true);
      const resident = await residentParts(server.pid);

      const course = catalog.courses[0]!;
      const pages = course.modules.map((m) => `/courses/${course.slug}/${m.slug}`);
      const active = Number(args.active);
      const others = await otherLoad();
      const signIn = await runLoad({
        kind: 'signIn',
        base: server.base,
        learners: seed.learners.slice(0, active).map((l, i) => ({
          email: l.email,
          password: benchPassword,
          landing: pages[i % pages.length]!,
        })),
        arrivalsMs: seed.learners.slice(0, active).map((_, i) => i * 50),
      });
      const rush = await runLoad({
        kind: 'rush',
        base: server.base,
        learners: signIn.learners,
        seconds: Number(args.seconds),
        thinkMs: [1200, 3800],
        pages,
        quizzes: rushQuizzes(course),
        submitShare: 0.15,
      });
      const end = await server.metrics();
      const other = await others();
      // Last, as writing a snapshot takes memory of its own (it would count in the peak).
      process.kill(server.pid, 'SIGUSR2');
      const file = await waitForSnapshot(snapshots);
      const heap = await summarizeHeap(file);
      await rm(file, { force: true });

      const tag = other.disturbed ? ' (disturbed)' : '';

      const figures: Figure[] = [
        {
          part: '8',
          name: 'memory once started, idle 30 s (RSS)',
          value: mb(idle.memoryMb.rss),
          target: `≤ ${targets.idleRssMb} MB`,
          holds: idle.memoryMb.rss <= targets.idleRssMb,
        },
        {
          part: '8',
          name: 'JS heap used, idle',
          value: mb(idle.memoryMb.heapUsed),
          target: '',
          holds: undefined,
        },
        {
          part: '8',
          name: 'peak memory from start to the end of the rush (max RSS)',
          value: `${mb(end.memoryMb.maxRss)} (start-up alone: ${mb(idle.memoryMb.maxRss)})`,
          target: `≤ ${targets.peakRssMb} MB`,
          holds: end.memoryMb.maxRss <= targets.peakRssMb,
        },
      ];
      const top = heap.groups
        .slice(0, 10)
        .map((g) => `${g.name} ${mb(g.bytes / 2 ** 20)} (${int(g.count)})`)
        .join(', ');
      return {
        part: '8',
        title: 'Part 8 — the memory bill',
        figures,
        details: [
          `${catalog.courses.length} courses × 10 modules (generated), ${int(seed.counts.users ?? 0)} accounts, ${int(seed.counts.progress ?? 0)} progress rows on the embedded store; server ready in ${int(server.readyMs)} ms.`,
          `Resident memory, idle: ${resident}.`,
          `Idle, 5 s after start: RSS ${mb(early.memoryMb.rss)}, JS heap used ${mb(early.memoryMb.heapUsed)} of ${mb(early.memoryMb.heapTotal)}; 30 s after start: RSS ${mb(idle.memoryMb.rss)}, JS heap used ${mb(idle.memoryMb.heapUsed)} of ${mb(idle.memoryMb.heapTotal)}, outside the heap (buffers) ${mb(idle.memoryMb.external)}.`,
          `Heap snapshot after the rush (${mb(heap.totalBytes / 2 ** 20)} of objects, shallow sizes by type): ${top}.`,
          `Rush: ${signIn.learners.length} of ${active} learners signed in (${signIn.errors.slice(0, 2).join('; ') || 'no error'}), then ${int(rush.requests)} requests in ${rush.seconds.toFixed(0)} s (${rush.errorCount} errors); at the end RSS ${mb(end.memoryMb.rss)}, JS heap ${mb(end.memoryMb.heapUsed)}; other load ${other.cores.toFixed(2)} cores${tag}.`,
        ],
      };
    } finally {
      await server.stop();
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
});

/**
 * RSS split as Linux counts it: pages of files (Node's binary, shared libraries) and anonymous memory
 * (the JS heap, malloc, thread stacks).
 */
async function residentParts(pid: number): Promise<string> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  if (!status) return 'not available on this system';
  return `files (Node's binary, libraries) ${mb(kb('RssFile') / 1024)}, anonymous (JS heap, malloc, stacks) ${mb(kb('RssAnon') / 1024)}`;
}

/** The snapshot file once V8 has finished writing it (its size stops growing). */
async function waitForSnapshot(dir: string): Promise<string> {
  let last = -1;
  for (let i = 0; i < 600; i++) {
    await sleep(250);
    const name = (await readdir(dir).catch(() => [] as string[])).find((n) => n.endsWith('.heapsnapshot'));
    if (!name) continue;
    const size = (await stat(path.join(dir, name))).size;
    if (size > 0 && size === last) return path.join(dir, name);
    last = size;
  }
  throw new Error(`the server wrote no heap snapshot in 150 s (in ${dir}: ${(await readdir(dir)).join(', ')})`);
}
