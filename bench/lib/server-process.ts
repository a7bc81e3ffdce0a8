import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '..', '..');

export interface ServerProcess {
  pid: number;
  base: string;
  /** From spawn() to the first 200 on /healthz, in ms. */
  readyMs: number;
  /** What the process printed (for error messages). */
  output(): string;
  /** When each line of output arrived, in ms since spawn() (start-up stages). */
  timeline: { ms: number; line: string }[];
  /** `GET /__bench/metrics` (the server must run with BENCH_METRICS=1). */
  metrics(reset?: boolean): Promise<BenchMetrics>;
  /**
   * JS heap still reachable after a full garbage collection, in MB (`/__bench/metrics?gc=1`; needs
   * BENCH_METRICS=1 and `gc`, which npm start's --expose-gc gives): memory kept, not garbage yet to collect.
   */
  retainedHeapMb(): Promise<number>;
  /** Resident memory now, read from /proc (Linux) or undefined. */
  rssMb(): Promise<number | undefined>;
  /** SIGTERM (graceful) or SIGKILL (a crash: only what was acknowledged may count); resolves once reaped. */
  stop(signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>;
}

export interface BenchMetrics {
  eventLoopDelayMs: { max: number; p99: number; p50: number; mean: number; samples: number };
  /** Stalls of 40 ms or more: when (server uptime) and how long. */
  stalls: { atSeconds: number; ms: number }[];
  gc: { count: number; totalMs: number; maxMs: number; maxKind: string };
  memoryMb: { rss: number; heapUsed: number; heapTotal: number; external: number; maxRss: number };
  /** CPU time used by the server process since it started (process.cpuUsage), in µs. */
  cpuMicros: NodeJS.CpuUsage;
  uptimeSeconds: number;
  /** Whether a full collection ran before memory was read (asked with `?gc=1`, and `gc` exposed). */
  collected: boolean;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export function getJson<T>(url: string): Promise<{ status: number; body: T }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        try {
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as T });
        } catch {
          resolve({ status: res.statusCode ?? 0, body: text as T });
        }
      });
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

/**
 * Starts a Node script as its own process, the way it runs in production, and waits for its first 200 on
 * /healthz. Time runs from just before spawn(). A TypeScript script runs through tsx; a JavaScript one
 * (server/start.mjs, what `npm start` runs) as it is.
 */
export async function startProcess(
  script: string,
  env: Record<string, string>,
  options: { timeoutMs?: number; pollMs?: number; nodeArgs?: string[] } = {},
): Promise<ServerProcess> {
  const port = Number(env.PORT ?? (await freePort()));
  const base = `http://127.0.0.1:${port}`;
  let output = '';
  const started = performance.now();
  const loader = script.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const child: ChildProcess = spawn(process.execPath, [...(options.nodeArgs ?? []), ...loader, script], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      ...(script === productionScript ? productionEnv : {}),
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const timeline: { ms: number; line: string }[] = [];
  const keep = (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    output = (output + text).slice(-20_000);
    if (timeline.length < 50) {
      for (const line of text.split('\n')) if (line.trim()) timeline.push({ ms: performance.now() - started, line });
    }
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let exitedEarly = false;
  void exited.then(() => {
    exitedEarly = true;
  });

  const deadline = started + (options.timeoutMs ?? 60_000);
  for (;;) {
    if (exitedEarly) throw new Error(`${script} stopped before answering /healthz:\n${output}`);
    if (performance.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${script} did not answer /healthz in time:\n${output}`);
    }
    const ok = await getJson(`${base}/healthz`).then(
      (res) => res.status === 200,
      () => false,
    );
    if (ok) break;
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 5));
  }
  const readyMs = performance.now() - started;

  return {
    pid: child.pid!,
    base,
    readyMs,
    output: () => output,
    timeline,
    async metrics(reset = false) {
      const res = await getJson<BenchMetrics>(`${base}/__bench/metrics${reset ? '?reset=1' : ''}`);
      if (res.status !== 200) throw new Error(`/__bench/metrics answered ${res.status}: is BENCH_METRICS=1 set?`);
      return res.body;
    },
    async retainedHeapMb() {
      const res = await getJson<BenchMetrics>(`${base}/__bench/metrics?gc=1`);
      if (res.status !== 200) throw new Error(`/__bench/metrics answered ${res.status}: is BENCH_METRICS=1 set?`);
      if (!res.body.collected) throw new Error('the server could not collect garbage: start it with --expose-gc');
      return res.body.memoryMb.heapUsed;
    },
    async rssMb() {
      const status = await readFile(`/proc/${child.pid}/status`, 'utf8').catch(() => undefined);
      const kb = status && /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1];
      return kb ? Number(kb) / 1024 : undefined;
    },
    async stop(signal = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** `npm start`'s command (package.json): the benchmarks start the server the same way. */
const startCommand = (
  JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: { start: string } }
).scripts.start;

/** The V8 settings `npm start` gives the server, so that benchmarks measure the same. */
export const productionNodeArgs: string[] = (() => {
  // BENCH_NODE_OPTIONS measures other settings against them (`BENCH_NODE_OPTIONS= npm run bench:page`: none).
  if (process.env.BENCH_NODE_OPTIONS !== undefined) return process.env.BENCH_NODE_OPTIONS.split(' ').filter(Boolean);
  return (/NODE_OPTIONS="([^"$]*)/.exec(startCommand)?.[1] ?? '').split(' ').filter(Boolean);
})();

/** The variables `npm start` sets before node (MALLOC_ARENA_MAX…), NODE_OPTIONS aside. */
const productionEnv: Record<string, string> = Object.fromEntries(
  Array.from(startCommand.matchAll(/(?:^|\s)([A-Z_]+)=([^\s"]+)/g), (m) => [m[1]!, m[2]!]).filter(
    ([name]) => name !== 'NODE_OPTIONS',
  ),
);

/** The script `npm start` runs (package.json): the compiled copy of the server (server/start.mjs). */
export const productionScript: string = /\bnode (\S+)$/.exec(startCommand)?.[1] ?? 'server/main.ts';

/** The real Passerelle server, configured and started as in production (`npm start`). */
export function startPasserelle(options: {
  dataDir: string;
  coursesDir: string;
  /** true: every bench metric (BENCH_METRICS=1); 'cpu': the CPU time route alone, which costs nothing. */
  metrics?: boolean | 'cpu';
  extraEnv?: Record<string, string>;
  /** How long start-up may take (a large embedded store is read whole first); 60 s by default. */
  timeoutMs?: number;
}): Promise<ServerProcess> {
  return startProcess(
    productionScript,
    {
      NODE_ENV: 'production',
      LOG_REQUESTS: 'false',
      DATA_DIR: options.dataDir,
      COURSES_DIR: options.coursesDir,
      ...(options.metrics ? { BENCH_METRICS: options.metrics === 'cpu' ? 'cpu' : '1' } : {}),
      ...options.extraEnv,
    },
    { nodeArgs: [...productionNodeArgs, ...profileArgs('server')], timeoutMs: options.timeoutMs },
  );
}

/**
 * With BENCH_PROFILE=1, servers started by the benchmarks write a V8 CPU profile on exit into
 * .tmp/profiles/<name>/ (open it in Chrome DevTools, or `tsx bench/profile-top.ts <file>`).
 */
export function profileArgs(name: string): string[] {
  if (process.env.BENCH_PROFILE !== '1') return [];
  // One profile per thread (tsx compiles in a loader thread): the largest file is the main thread's.
  return ['--cpu-prof', `--cpu-prof-dir=${path.join(root, '.tmp', 'profiles', name)}`];
}
