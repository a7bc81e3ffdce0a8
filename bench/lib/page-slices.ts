// Alternating load slices against two servers (bench/page-speed.ts), each with the figures that survive a
// shared machine: the server's own CPU time per request (process.cpuUsage, read through its bench-only
// route) and the CPU the rest of the machine used meanwhile, which says whether the slice ran alone.
import { int } from './figures.ts';
import { type AutocannonResult, runLoad } from './load-jobs.ts';
import { cpuSpeedCheck } from './machine.ts';
import { type OtherLoad, otherLoad } from './other-load.ts';
import { getJson } from './server-process.ts';

export interface Slice extends AutocannonResult {
  /** Server CPU time (user + system) per request, in µs. */
  cpuPerRequestUs: number;
  /** Server CPU while loaded, in cores. */
  serverCores: number;
  other: OtherLoad;
}

export interface SlicePair {
  real: Slice;
  bare: Slice;
  /** CPU speed check taken just before the pair (ms, lower is faster). */
  speedMs: number;
  /** Both slices ran without other work on the machine. */
  quiet: boolean;
}

/** CPU time used so far by a server started with its bench-only route, in µs. */
export async function serverCpuUs(base: string): Promise<number> {
  const res = await getJson<NodeJS.CpuUsage>(`${base}/__bench/cpu`);
  if (res.status !== 200) throw new Error(`${base}/__bench/cpu answered ${res.status}: is BENCH_METRICS=1 set?`);
  return res.body.user + res.body.system;
}

export async function measureSlice(
  base: string,
  url: string,
  job: { cookies: string[]; connections: number; seconds: number; headers?: Record<string, string> },
): Promise<Slice> {
  const cpuBefore = await serverCpuUs(base);
  const others = await otherLoad();
  const result = await runLoad({ kind: 'autocannon', url, ...job });
  const other = await others();
  const cpu = (await serverCpuUs(base)) - cpuBefore;
  return {
    ...result,
    cpuPerRequestUs: result.requests > 0 ? cpu / result.requests : Number.NaN,
    serverCores: cpu / 1e6 / result.seconds,
    other,
  };
}

export async function alternate(
  real: { base: string; url: string },
  bare: { base: string; url: string },
  job: { cookies: string[]; connections: number; seconds: number; slices: number },
): Promise<SlicePair[]> {
  const pairs: SlicePair[] = [];
  for (let i = 0; i < job.slices; i++) {
    const speedMs = cpuSpeedCheck();
    const r = await measureSlice(real.base, real.url, job);
    const b = await measureSlice(bare.base, bare.url, job);
    pairs.push({ real: r, bare: b, speedMs, quiet: !r.other.disturbed && !b.other.disturbed });
  }
  return pairs;
}

export interface PairSummary {
  realPerSecond: number;
  barePerSecond: number;
  ratio: number;
  realCpuUs: number;
  bareCpuUs: number;
  /** Bare CPU per request / Passerelle CPU per request: the ratio a CPU-bound server would reach. */
  cpuRatio: number;
  slices: number;
}

/** Throughput and CPU per request over the given pairs (requests over time, not a mean of ratios). */
export function summarizePairs(pairs: SlicePair[]): PairSummary {
  const sum = (pick: (p: SlicePair) => number) => pairs.reduce((n, p) => n + pick(p), 0);
  const realPerSecond = sum((p) => p.real.requests) / sum((p) => p.real.seconds);
  const barePerSecond = sum((p) => p.bare.requests) / sum((p) => p.bare.seconds);
  const realCpuUs = sum((p) => p.real.cpuPerRequestUs * p.real.requests) / sum((p) => p.real.requests);
  const bareCpuUs = sum((p) => p.bare.cpuPerRequestUs * p.bare.requests) / sum((p) => p.bare.requests);
  return {
    realPerSecond,
    barePerSecond,
    ratio: realPerSecond / barePerSecond,
    realCpuUs,
    bareCpuUs,
    cpuRatio: bareCpuUs / realCpuUs,
    slices: pairs.length,
  };
}

/** One line per pair for RESULTS.md: requests/s, CPU per request, other load and the speed check. */
export function describePairs(pairs: SlicePair[]): string {
  return pairs
    .map(
      (p, i) =>
        `${i + 1}: ${int(p.real.perSecond)} vs ${int(p.bare.perSecond)} req/s, ` +
        `${int(p.real.cpuPerRequestUs)} vs ${int(p.bare.cpuPerRequestUs)} µs CPU/request, ` +
        `other load ${p.real.other.cores.toFixed(2)}/${p.bare.other.cores.toFixed(2)} cores, ` +
        `speed check ${p.speedMs.toFixed(0)} ms${p.quiet ? '' : ' (disturbed)'}`,
    )
    .join('; ');
}
