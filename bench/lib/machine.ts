import { createHash } from 'node:crypto';
import os from 'node:os';

/** The machine, as RESULTS.md describes it: no host name, no paths. */
export function describeMachine(): { cpu: string; cores: number; memoryGb: number; os: string; node: string } {
  return {
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown CPU',
    cores: os.availableParallelism(),
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
  };
}

export const loadAverage = () =>
  os
    .loadavg()
    .map((v) => v.toFixed(2))
    .join(' / ');

/**
 * A fixed CPU-bound workload (JSON and hashing, as a request does), timed: on a shared machine the same
 * code runs slower when other tenants are busy, and the absolute figures of a part (latencies, start-up
 * time) move with it. Median of three runs, in ms; lower is faster.
 */
export function cpuSpeedCheck(): number {
  const rows = Array.from({ length: 20_000 }, (_, i) => ({ id: `row-${i}`, name: `Apprenant·e ${i}`, seconds: i * 7 }));
  const times: number[] = [];
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    const copy = JSON.parse(JSON.stringify(rows)) as typeof rows;
    const hash = createHash('sha256');
    for (const row of copy) hash.update(`${row.id}|${row.name}|${row.seconds}`);
    hash.digest('hex');
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[1]!;
}
