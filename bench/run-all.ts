// `npm run bench`: every performance figure of Passerelle with its target, written to bench/RESULTS.md.
// Each part runs in its own process (and starts its servers and load generators in processes of their
// own); each can also run alone (npm run bench:page, bench:rush, bench:saves, bench:cold, bench:hr-export).
// Options: --parts 1,2,3,4,5,6,7,8,9 (a subset still rewrites RESULTS.md, with only those parts).
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type PartResult, printFigures, verdict } from './lib/figures.ts';
import { cpuSpeedCheck, describeMachine, loadAverage } from './lib/machine.ts';
import { runScript } from './lib/run-script.ts';
import { root } from './lib/server-process.ts';

const parts = [
  { id: '1', script: 'bench/page-speed.ts', alone: 'npm run bench:page' },
  { id: '2', script: 'bench/morning-rush.ts', alone: 'npm run bench:rush' },
  { id: '3', script: 'bench/durable-saves.ts', alone: 'npm run bench:saves' },
  { id: '4', script: 'bench/cold-start.ts', alone: 'npm run bench:cold' },
  { id: '5', script: 'bench/hr-export.ts', alone: 'npm run bench:hr-export' },
  { id: '6', script: 'bench/postgres-rush.ts', alone: 'npm run bench:pg' },
  { id: '7', script: 'bench/phone.ts', alone: 'npm run bench:phone' },
  { id: '8', script: 'bench/memory.ts', alone: 'npm run bench:memory' },
  { id: '9', script: 'bench/network-dashboard.ts', alone: 'npm run bench:network' },
];
const { values: args } = parseArgs({ options: { parts: { type: 'string', default: '1,2,3,4,5,6,7,8,9' } } });
const chosen = parts.filter((p) => args.parts.split(',').includes(p.id));
const resultsFile = path.join(root, 'bench', 'RESULTS.md');
const keepMarker = '<!-- Everything below this line is written by hand and kept by npm run bench. -->';

const machine = describeMachine();
const started = new Date();
console.log(
  `Passerelle benchmarks — ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, Node ${machine.node}; ` +
    `load average ${loadAverage()}`,
);
const tmp = await mkdtemp(path.join(os.tmpdir(), 'passerelle-bench-'));
const results: (PartResult & { load: string; speed: number; alone: string; failure?: string })[] = [];
try {
  for (const part of chosen) {
    const load = loadAverage();
    const speed = cpuSpeedCheck();
    console.log(`\n▶ part ${part.id}: ${part.script} (load average ${load}, CPU speed check ${speed.toFixed(0)} ms)`);
    const json = path.join(tmp, `part-${part.id}.json`);
    const { code, output } = await runScript(part.script, ['--json', json]);
    process.stdout.write(output);
    try {
      results.push({ ...(JSON.parse(await readFile(json, 'utf8')) as PartResult), load, speed, alone: part.alone });
    } catch {
      results.push({
        part: part.id,
        title: `Part ${part.id} — ${part.script}`,
        figures: [{ part: part.id, name: 'run', value: `failed (exit code ${code})`, target: 'runs', holds: false }],
        details: [],
        seconds: 0,
        load,
        speed,
        alone: part.alone,
        failure: output.split('\n').slice(-15).join('\n'),
      });
    }
  }
} finally {
  await rm(tmp, { recursive: true, force: true });
}

const figures = results.flatMap((r) => r.figures);
const judged = figures.filter((f) => f.holds !== undefined);
const held = judged.filter((f) => f.holds).length;
const minutes = (Date.now() - started.getTime()) / 60_000;
console.log(`\nSummary — ${held} of ${judged.length} targets hold (${minutes.toFixed(1)} min)`);
printFigures(figures);

const cell = (text: string) => text.replaceAll('|', '\\|');
const lines = [
  '# Benchmark results',
  '',
  `Written by \`npm run bench\` (\`tsx bench/run-all.ts${args.parts === '1,2,3,4,5,6,7,8,9' ? '' : ` --parts ${args.parts}`}\`) on ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC, in ${minutes.toFixed(1)} min. How and why: [docs/decisions/006-performance.md](../docs/decisions/006-performance.md).`,
  '',
  `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB of memory, ${machine.os}, Node ${machine.node}. ` +
    `Servers, load generators and benchmarks each run in their own process, over loopback, on these cores. ` +
    `Load average (1, 5, 15 min) at the start: ${results[0]?.load ?? loadAverage()}; at the end: ${loadAverage()}. ` +
    `The machine is shared: before each part a fixed CPU workload is timed (“CPU speed check”, lower is faster); ` +
    `absolute figures (latencies, start-up time) move with it, ratios much less.`,
  '',
  `**${held} of ${judged.length} targets hold.**`,
  '',
  '| part | figure | measured | target | holds |',
  '|---|---|---:|---|:---:|',
  ...figures.map(
    (f) => `| ${f.part} | ${cell(f.name)} | ${cell(f.value)} | ${cell(f.target || '—')} | ${verdict(f.holds)} |`,
  ),
  '',
  ...results.flatMap((r) => [
    `## ${r.title}`,
    '',
    `\`${r.alone}\` — ${r.seconds.toFixed(0)} s; at its start: load average ${r.load}, CPU speed check ${r.speed.toFixed(0)} ms.`,
    '',
    ...r.details.map((d) => `- ${d}`),
    ...(r.failure ? ['', '```', r.failure, '```'] : []),
    '',
  ]),
];
const previous = await readFile(resultsFile, 'utf8').catch(() => '');
const kept = previous.includes(keepMarker) ? previous.slice(previous.indexOf(keepMarker)) : keepMarker;
await writeFile(resultsFile, `${lines.join('\n')}\n${kept.trimEnd()}\n`);
console.log(`\nWritten to bench/RESULTS.md`);
if (held < judged.length) process.exitCode = 1;
