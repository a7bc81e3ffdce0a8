// Part 4 — cold start (npm run bench:cold).
// 50 courses of 10 modules, generated from the bundled ones into a temporary folder; the real server is
// started as its own process and timed from spawn() to its first 200 on /healthz, with the memory it then
// holds. One unmeasured start first (it creates the data directory and warms the OS file cache, as any
// earlier run of the machine would have), then --runs measured restarts; the median is judged.
// Options: --runs 7 --courses 50 --modules 10
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type Figure, mb, ms, runPart } from './lib/figures.ts';
import { generateCourses } from './lib/generate-courses.ts';
import { processCpu } from './lib/process-cpu.ts';
import { root, startPasserelle } from './lib/server-process.ts';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '7' },
    courses: { type: 'string', default: '50' },
    modules: { type: 'string', default: '10' },
  },
  strict: false,
});
const runs = Number(args.runs);
const courseCount = Number(args.courses);
const moduleCount = Number(args.modules);
const targetMs = 2000;

await runPart(async () => {
  const work = await mkdtemp(path.join(os.tmpdir(), 'passerelle-bench-cold-'));
  try {
    const coursesDir = path.join(work, 'courses');
    const dataDir = path.join(work, 'data');
    await generateCourses(path.join(root, 'courses'), coursesDir, courseCount, moduleCount);
    const first = await startPasserelle({ dataDir, coursesDir, metrics: true });
    const firstMs = first.readyMs;
    const catalog = /catalog: (\d+) course/.exec(first.output())?.[1];
    await first.stop();
    if (Number(catalog) !== courseCount)
      throw new Error(`expected ${courseCount} courses, the server loaded ${catalog}`);

    const samples: { ms: number; rss: number; heap: number; cpu: number; catalogAt: number }[] = [];
    for (let i = 0; i < runs; i++) {
      const server = await startPasserelle({ dataDir, coursesDir, metrics: true });
      const cpu = await processCpu(server.pid)();
      const { memoryMb } = await server.metrics();
      const catalogAt = server.timeline.find((t) => t.line.startsWith('catalog:'))?.ms ?? Number.NaN;
      samples.push({ ms: server.readyMs, rss: memoryMb.rss, heap: memoryMb.heapUsed, cpu: cpu * 1000, catalogAt });
      await server.stop();
    }
    const sorted = [...samples].sort((a, b) => a.ms - b.ms);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    const figures: Figure[] = [
      {
        part: '4',
        name: `cold start, ${courseCount} courses × ${moduleCount} modules (median)`,
        value: ms(median.ms),
        target: `≤ ${ms(targetMs)}`,
        holds: median.ms <= targetMs,
      },
      { part: '4', name: 'memory after start (RSS)', value: mb(median.rss), target: '', holds: undefined },
    ];
    return {
      part: '4',
      title: 'Part 4 — cold start',
      figures,
      details: [
        `${courseCount} courses × ${moduleCount} modules generated from the bundled ones (every file varied); ${runs} restarts after one unmeasured first start.`,
        `First start (new data directory, not judged): ${ms(firstMs)}. Restarts, from spawn() to the first 200 on /healthz: ${samples.map((s) => ms(s.ms)).join(', ')} (max ${ms(sorted.at(-1)!.ms)}).`,
        `Catalog loaded (log line) at ${samples.map((s) => ms(s.catalogAt)).join(', ')}; server CPU time (all threads) until ready: ${samples.map((s) => ms(s.cpu)).join(', ')}.`,
        `Memory once ready: RSS ${samples.map((s) => mb(s.rss)).join(', ')}; JS heap used ${mb(median.heap)} (median run).`,
        'Markdown is validated at start-up and rendered to HTML on first use (docs/decisions/006-performance.md).',
      ],
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
});
