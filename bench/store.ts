// Durable-save benchmark of the journal store (npm run bench:store → tsx bench/store.ts).
// For 1k and 100k progress rows: W concurrent writers each run single-row read-modify-write
// transactions for D seconds (in interleaved slices); every save is acknowledged only after fsync.
// Two compaction settings: the production default (the targets are judged on it) and a stress run
// that rewrites the snapshot every 2 MiB of journal, several times per run even at 100k rows.
// Options: --seconds 6 --writers 64 --stress-mb 2 --sizes 1000,100000
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { openJournalStore } from '../server/store/journal/open-journal-store.ts';
import { defineCollection } from '../server/store/store.ts';

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '6' },
    writers: { type: 'string', default: '64' },
    'stress-mb': { type: 'string', default: '2' },
    sizes: { type: 'string', default: '1000,100000' },
  },
});
const seconds = Number(args.seconds);
const writers = Number(args.writers);
const stressBytes = Number(args['stress-mb']) * 1024 * 1024;
const sizes = args.sizes.split(',').map(Number);
const SLICES = 4;

const Progress = z.strictObject({
  id: z.string(),
  userId: z.string(),
  course: z.string(),
  module: z.string(),
  courseVersion: z.number().int(),
  readAt: z.string(),
  timeSpentSec: z.number().int().nonnegative(),
  completedAt: z.string().nullable(),
});
type Progress = z.infer<typeof Progress>;
const collections = { progress: defineCollection(Progress, ['userId', 'course']) };

const courses = ['culture-numerique', 'rgpd-essentiel', 'accueil-public', 'securite-informatique'];

function row(i: number, timeSpentSec = 0): Progress {
  return {
    id: `p${i}`,
    userId: `user-${Math.floor(i / 12)}`,
    course: courses[i % courses.length]!,
    module: `${String((i % 12) + 1).padStart(2, '0')}-module`,
    courseVersion: 1,
    readAt: new Date(1_735_689_600_000 + i * 1000).toISOString(),
    timeSpentSec,
    completedAt: i % 3 === 0 ? new Date(1_735_689_600_000 + i * 2000).toISOString() : null,
  };
}

interface Result {
  rows: number;
  saves: number;
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
  compactions: number;
  loopMaxMs: number;
}

/** A seeded store of `rows` rows and what was measured on it so far. */
async function prepare(rows: number, compactAfterBytes: number | undefined) {
  const dir = path.resolve('.tmp', `bench-store-${rows}-${process.pid}`);
  await rm(dir, { recursive: true, force: true }); // the store creates it again, owner-only
  let compactions = 0;
  const store = await openJournalStore({
    dir,
    collections,
    schemaVersion: 1,
    ...(compactAfterBytes ? { compactAfterBytes } : {}),
    onCompacted: () => compactions++,
  });
  for (let start = 0; start < rows; start += 1000) {
    await store.transact((tx) => {
      for (let i = start; i < Math.min(rows, start + 1000); i++) tx.put('progress', row(i));
    });
  }
  await store.compact();
  compactions = 0;
  const latencies: number[] = [];
  let elapsed = 0;
  let loopMax = 0;

  return {
    /** Runs the writers for `ms` against this store. */
    async slice(ms: number): Promise<void> {
      const loop = monitorEventLoopDelay({ resolution: 5 });
      const deadline = performance.now() + ms;
      loop.enable();
      const started = performance.now();
      await Promise.all(
        Array.from({ length: writers }, async () => {
          while (performance.now() < deadline) {
            const i = Math.floor(Math.random() * rows);
            const t0 = performance.now();
            await store.transact(async (tx) => {
              const current = await tx.get('progress', `p${i}`);
              tx.put('progress', { ...row(i), timeSpentSec: (current?.timeSpentSec ?? 0) + 30 });
            });
            latencies.push(performance.now() - t0);
          }
        }),
      );
      elapsed += performance.now() - started;
      loop.disable();
      loopMax = Math.max(loopMax, loop.max / 1e6);
    },
    async finish(): Promise<Result> {
      await store.close();
      await rm(dir, { recursive: true, force: true });
      latencies.sort((a, b) => a - b);
      const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!;
      return {
        rows,
        saves: latencies.length,
        perSecond: latencies.length / (elapsed / 1000),
        p50: pct(50),
        p99: pct(99),
        max: latencies.at(-1)!,
        compactions,
        loopMaxMs: loopMax,
      };
    },
  };
}

console.log(
  `Store benchmark: ${writers} concurrent writers, single-row read-modify-write transactions, ` +
    `${seconds} s per size in ${SLICES} interleaved slices, data on ${path.resolve('.tmp')} (Node ${process.version})`,
);
const modes = [
  { label: 'default compaction policy', bytes: undefined },
  { label: `stress: compaction every ${args['stress-mb']} MiB`, bytes: stressBytes },
];
let failed = false;
for (const mode of modes) {
  console.log(`\n${mode.label}`);
  // Slices of each size alternate, so a burst of load from other processes on this shared machine
  // hits both sizes alike instead of skewing their ratio.
  const stores = [];
  for (const rows of sizes) stores.push(await prepare(rows, mode.bytes));
  for (let slice = 0; slice < SLICES; slice++) {
    for (const store of stores) await store.slice((seconds * 1000) / SLICES);
  }
  const results: Result[] = [];
  for (const store of stores) {
    const result = await store.finish();
    results.push(result);
    console.log(
      `${String(result.rows).padStart(7)} rows: ${result.perSecond.toFixed(0).padStart(6)} durable saves/s` +
        `  p50 ${result.p50.toFixed(2)} ms  p99 ${result.p99.toFixed(2)} ms  max ${result.max.toFixed(1)} ms` +
        `  (${result.saves} saves, ${result.compactions} compactions, event loop max delay ${result.loopMaxMs.toFixed(1)} ms)`,
    );
  }
  const small = results.find((r) => r.rows === 1000);
  const large = results.find((r) => r.rows === 100_000);
  if (!small || !large) continue;
  const ratio = large.perSecond / small.perSecond;
  console.log(`  ratio 100k/1k: ${ratio.toFixed(2)}`);
  if (mode.bytes === undefined) {
    const fast = large.perSecond >= 1000;
    const flat = ratio >= 0.5;
    console.log(`  target ≥ 1000 durable saves/s at 100k rows: ${fast ? 'OK' : 'FAILED'}`);
    console.log(`  target 100k within 2× of 1k (ratio ≥ 0.5): ${flat ? 'OK' : 'FAILED'}`);
    failed ||= !fast || !flat;
  }
}
if (failed) process.exitCode = 1;
