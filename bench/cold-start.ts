// Part 4 — cold start (npm run bench:cold).
// 50 courses of 10 modules, generated from the bundled ones into a temporary folder; the real server is
// started as `npm start` starts it, as its own process, and timed from spawn() to its first 200 on /healthz,
// with the CPU time it used until then and the memory it then holds. First a start with nothing cached (no
// compiled copy of the code, a new data directory: as after an installation or an update), reported; then
// --runs restarts, which find the compiled code and the checked catalog (docs/decisions/025-cold-start.md):
// their median is judged.
// Options: --runs 7 --courses 50 --modules 10
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type Figure, mb, ms, runPart } from './lib/figures.ts';
import { generateCourses } from './lib/generate-courses.ts';
import { processCpu } from './lib/process-cpu.ts';
import { productionScript, root, startPasserelle } from './lib/server-process.ts';

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
const targetMs = 1000;
/** Where server/start.mjs keeps the compiled code: removed before the first start. */
const compiledCode = path.join(root, '.cache', 'server');

await runPart(async () => {
  const work = await mkdtemp(path.join(os.tmpdir(), 'passerelle-bench-cold-'));
  try {
    const coursesDir = path.join(work, 'courses');
    const dataDir = path.join(work, 'data');
    await generateCourses(path.join(root, 'courses'), coursesDir, courseCount, moduleCount);
    await rm(compiledCode, { recursive: true, force: true });
    const first = await startPasserelle({ dataDir, coursesDir, metrics: true });
    const firstCpu = (await processCpu(first.pid, true)()) * 1000;
    const firstMs = first.readyMs;
    const loaded = /catalog: (\d+) course/.exec(first.output())?.[1];
    await first.stop();
    if (Number(loaded) !== courseCount)
      throw new Error(`expected ${courseCount} courses, the server loaded ${loaded}:\n${first.output().slice(-2000)}`);

    const samples: { ms: number; rss: number; heap: number; cpu: number; catalogAt: number }[] = [];
    for (let i = 0; i < runs; i++) {
      const server = await startPasserelle({ dataDir, coursesDir, metrics: true });
      const cpu = await processCpu(server.pid)();
      const { memoryMb } = await server.metrics();
      const catalogLine = server.timeline.find((t) => t.line.includes('catalog: '));
      if (!catalogLine?.line.includes(`, ${courseCount} unchanged`))
        throw new Error(`a restart checked courses again instead of using the catalog cache:\n${catalogLine?.line}`);
      samples.push({
        ms: server.readyMs,
        rss: memoryMb.rss,
        heap: memoryMb.heapUsed,
        cpu: cpu * 1000,
        catalogAt: catalogLine.ms,
      });
      await server.stop();
    }
    const sorted = [...samples].sort((a, b) => a.ms - b.ms);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    const cpus = samples.map((s) => s.cpu).sort((a, b) => a - b);
    const medianCpu = cpus[Math.floor(cpus.length / 2)]!;
    const figures: Figure[] = [
      {
        part: '4',
        name: `restart, ${courseCount} courses × ${moduleCount} modules (median)`,
        value: ms(median.ms),
        target: `≤ ${ms(targetMs)}`,
        holds: median.ms <= targetMs,
      },
      {
        part: '4',
        name: 'server CPU time until ready (median restart)',
        value: ms(medianCpu),
        target: '',
        holds: undefined,
      },
      {
        part: '4',
        name: 'first start, nothing cached',
        value: `${ms(firstMs)} (${ms(firstCpu)} of CPU)`,
        target: '',
        holds: undefined,
      },
      { part: '4', name: 'memory after start (RSS)', value: mb(median.rss), target: '', holds: undefined },
    ];
    return {
      part: '4',
      title: 'Part 4 — cold start',
      figures,
      details: [
        `${courseCount} courses × ${moduleCount} modules generated from the bundled ones (every file varied), started as \`npm start\` does (${productionScript}).`,
        `First start, nothing cached (the code compiled, every course checked; not judged): ${ms(firstMs)}, ${ms(firstCpu)} of CPU with the compiler's.`,
        `${runs} restarts, from spawn() to the first 200 on /healthz: ${samples.map((s) => ms(s.ms)).join(', ')} (max ${ms(sorted.at(-1)!.ms)}); server CPU time (all threads) until ready: ${samples.map((s) => ms(s.cpu)).join(', ')}. The CPU time is the figure to compare on a busy machine.`,
        `Catalog loaded (log line) at ${samples.map((s) => ms(s.catalogAt)).join(', ')}, every course from the catalog cache.`,
        `Memory once ready: RSS ${samples.map((s) => mb(s.rss)).join(', ')}; JS heap used ${mb(median.heap)} (median run).`,
        'Restarts run the compiled code and reuse the checked catalog, each course while its files hash the same (docs/decisions/025-cold-start.md); Markdown is rendered on first use (decision 006).',
      ],
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
});
