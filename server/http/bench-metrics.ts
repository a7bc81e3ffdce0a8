import { constants, monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { Router } from 'express';

const gcKinds: Record<number, string> = {
  [constants.NODE_PERFORMANCE_GC_MINOR]: 'minor',
  [constants.NODE_PERFORMANCE_GC_MAJOR]: 'major',
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental',
  [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weakcb',
};

/**
 * `GET /__bench/metrics` for the load benchmarks (`npm run bench`): event-loop delay measured inside the
 * server process, garbage-collection pauses, the longest stalls with their time, and memory. Exists only
 * when the environment says `BENCH_METRICS=1`, so a normal server neither measures nor exposes anything.
 * `GET /__bench/cpu` answers the process's CPU time (alone with `BENCH_METRICS=cpu`). `?reset=1` starts a new measurement window;
 * `?gc=1` collects garbage before reading memory.
 */
export function benchMetrics(env: NodeJS.ProcessEnv = process.env): Router | undefined {
  if (env.BENCH_METRICS === 'cpu') return cpuRoute(Router());
  if (env.BENCH_METRICS !== '1') return undefined;
  // Sampled every 2 ms in libuv (C++), not in JavaScript: it costs nothing measurable.
  const loop = monitorEventLoopDelay({ resolution: 2 });
  loop.enable();
  const ms = (ns: number) => Math.round(ns / 1e4) / 100;

  let gc = { count: 0, totalMs: 0, maxMs: 0, maxKind: '' };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      gc.count++;
      gc.totalMs += entry.duration;
      if (entry.duration > gc.maxMs) {
        gc.maxMs = entry.duration;
        const { detail } = entry as PerformanceEntry & { detail?: { kind?: number } };
        gc.maxKind = gcKinds[detail?.kind ?? -1] ?? 'other';
      }
    }
  }).observe({ entryTypes: ['gc'] });

  // When the loop stalled for 40 ms or more, and for how long (the histogram only says how much).
  let stalls: { atSeconds: number; ms: number }[] = [];
  let expected = performance.now() + 10;
  setInterval(() => {
    const now = performance.now();
    if (now - expected >= 40 && stalls.length < 50) {
      stalls.push({ atSeconds: Math.round(process.uptime() * 10) / 10, ms: Math.round(now - expected) });
    }
    expected = now + 10;
  }, 10).unref();

  const router = cpuRoute(Router());
  router.get('/__bench/metrics', (req, res) => {
    // `?gc=1`: one full collection first (npm start exposes `gc`), so heapUsed is the memory still
    // reachable: what a request keeps, without the garbage a collection has not yet reclaimed.
    const collect = req.query.gc === '1' ? (globalThis as { gc?: () => void }).gc : undefined;
    collect?.();
    const memory = process.memoryUsage();
    res.set('Cache-Control', 'no-store').json({
      eventLoopDelayMs: {
        max: ms(loop.max),
        p99: ms(loop.percentile(99)),
        p50: ms(loop.percentile(50)),
        mean: ms(loop.mean),
        samples: loop.count,
      },
      stalls,
      gc: { ...gc, totalMs: Math.round(gc.totalMs), maxMs: Math.round(gc.maxMs * 10) / 10 },
      memoryMb: {
        rss: memory.rss / 2 ** 20,
        heapUsed: memory.heapUsed / 2 ** 20,
        // Reserved by V8 for the heap, used or not: with heapUsed, what garbage collection could give back.
        heapTotal: memory.heapTotal / 2 ** 20,
        external: memory.external / 2 ** 20,
        // Peak resident memory since the process started (kernel's high-water mark).
        maxRss: process.resourceUsage().maxRSS / 1024,
      },
      cpuMicros: process.cpuUsage(),
      uptimeSeconds: process.uptime(),
      collected: collect !== undefined,
    });
    if (req.query.reset === '1') {
      loop.reset();
      gc = { count: 0, totalMs: 0, maxMs: 0, maxKind: '' };
      stalls = [];
    }
  });
  return router;
}

/**
 * CPU time used by this process so far (user + system, µs): the benchmarks divide its growth by the
 * requests they sent, a figure that holds when other processes slow the machine down. `BENCH_METRICS=cpu`
 * gives this route alone: the event-loop sampling above wakes the process 500 times a second, which would
 * count in the CPU per request of a page benchmark.
 */
function cpuRoute(router: Router): Router {
  router.get('/__bench/cpu', (_req, res) => {
    res.set('Cache-Control', 'no-store').json(process.cpuUsage());
  });
  return router;
}
