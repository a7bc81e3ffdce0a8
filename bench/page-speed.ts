// Part 1 — page speed against the bare stack (npm run bench:page).
// Requests per second for a signed-in learner's module page (each view records progress durably, as in
// production) against a minimal Express + EJS app serving a page of the same size from memory. Both run
// as their own processes; the load generator (autocannon) runs in a third. The two are measured in
// alternating slices of the same run, so load from other processes hits both alike. Two set-ups: 16
// learners on 16 connections, and one learner on 20 connections (what a newcomer measuring from outside
// does). Each slice also gives the server's CPU time per request and the CPU the rest of the machine used:
// the ratio is judged on the slices that ran alone, and the disturbed ones are named.
// Options: --slices 6 --seconds 4 (16 learners), --single-slices 4 --single-seconds 8 (one learner)
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadCatalog } from '../server/catalog/load-catalog.ts';
import { type Figure, int, ms, runPart } from './lib/figures.ts';
import { runLoad } from './lib/load-jobs.ts';
import { alternate, describePairs, measureSlice, type SlicePair, summarizePairs } from './lib/page-slices.ts';
import { benchPassword, seedStore } from './lib/seed.ts';
import { profileArgs, root, startPasserelle, startProcess } from './lib/server-process.ts';

const { values: args } = parseArgs({
  options: {
    connections: { type: 'string', default: '16' },
    slices: { type: 'string', default: '6' },
    seconds: { type: 'string', default: '4' },
    'single-slices': { type: 'string', default: '4' },
    'single-seconds': { type: 'string', default: '8' },
  },
  strict: false,
});
const connections = Number(args.connections);
const setups = [
  {
    name: `${connections} learners`,
    learners: connections,
    connections,
    slices: Number(args.slices),
    seconds: Number(args.seconds),
  },
  {
    name: '1 learner, 20 connections',
    learners: 1,
    connections: 20,
    slices: Number(args['single-slices']),
    seconds: Number(args['single-seconds']),
  },
];
const target = 0.7;

await runPart(async () => {
  const { catalog } = await loadCatalog(path.join(root, 'courses'));
  const course = catalog.courses[0]!;
  const module = course.modules[1]!;
  const pagePath = `/courses/${course.slug}/${module.slug}`;
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'passerelle-bench-page-'));
  const seed = await seedStore(dataDir, { catalog, learners: 1000, progressRows: 10_000 });
  const server = await startPasserelle({ dataDir, coursesDir: path.join(root, 'courses'), metrics: 'cpu' });
  let bare: Awaited<ReturnType<typeof startProcess>> | undefined;
  let sameServer: Awaited<ReturnType<typeof startProcess>> | undefined;
  try {
    const signedIn = await runLoad({
      kind: 'signIn',
      base: server.base,
      learners: seed.learners
        .slice(0, connections)
        .map((l) => ({ email: l.email, password: benchPassword, landing: pagePath })),
      arrivalsMs: seed.learners.slice(0, connections).map((_, i) => i * 20),
    });
    if (signedIn.errors.length > 0) throw new Error(`sign-in failed: ${signedIn.errors.join('; ')}`);
    const pageBytes = signedIn.landing.bytes;
    bare = await startProcess(
      'bench/bare-app.ts',
      { NODE_ENV: 'production', PAGE_BYTES: String(pageBytes) },
      { nodeArgs: profileArgs('bare') },
    );

    const cookies = signedIn.learners.map((l) => l.cookie);
    const real = { base: server.base, url: `${server.base}${pagePath}` };
    const stack = { base: bare.base, url: `${bare.base}/page` };
    // Warm-up (JIT, template compilation), not counted.
    await measureSlice(real.base, real.url, { cookies, connections, seconds: 2 });
    await measureSlice(stack.base, stack.url, { cookies, connections, seconds: 2 });

    const figures: Figure[] = [];
    const details: string[] = [
      `Module page \`${pagePath}\`; every view is a durable progress write. Page body: ${int(pageBytes)} bytes for both.`,
    ];
    for (const [index, setup] of setups.entries()) {
      const pairs = await alternate(real, stack, { ...setup, cookies: cookies.slice(0, setup.learners) });
      const quiet = pairs.filter((p) => p.quiet);
      const judged = summarizePairs(quiet.length > 0 ? quiet : pairs);
      const all = summarizePairs(pairs);
      const bad = pairs.reduce((n, p) => n + p.real.non2xx + p.real.errors + p.bare.non2xx + p.bare.errors, 0);
      const on = quiet.length > 0 ? `${quiet.length} quiet of ${pairs.length} slice pairs` : 'all slices disturbed';
      const tag = index === 0 ? '' : ` (${setup.name})`;
      figures.push(
        {
          part: '1',
          name: `module page, ${setup.name}, requests/s`,
          value: int(judged.realPerSecond),
          target: '',
          holds: undefined,
        },
        {
          part: '1',
          name: `bare Express + EJS${tag}, requests/s`,
          value: int(judged.barePerSecond),
          target: '',
          holds: undefined,
        },
        {
          part: '1',
          name: `page speed vs bare stack, ${setup.name}`,
          value: `${judged.ratio.toFixed(2)} (${on})`,
          target: `≥ ${target}`,
          holds: judged.ratio >= target && bad === 0,
        },
        {
          part: '1',
          name: `server CPU per request${tag}: Passerelle / bare`,
          value: `${int(judged.realCpuUs)} µs / ${int(judged.bareCpuUs)} µs (ratio ${judged.cpuRatio.toFixed(2)})`,
          target: '',
          holds: undefined,
        },
      );
      const p99 = (pick: (p: SlicePair) => number) => Math.max(...pairs.map(pick));
      details.push(
        `${setup.name}: ${pairs.length} alternating slices of ${setup.seconds} s; all slices: ${all.ratio.toFixed(2)} (CPU ratio ${all.cpuRatio.toFixed(2)}). Per pair, Passerelle vs bare — ${describePairs(pairs)}.`,
        `${setup.name}: latency p99 Passerelle ${ms(p99((p) => p.real.latency.p99))}, bare ${ms(p99((p) => p.bare.latency.p99))}; bytes per response ${int(pairs[0]!.real.bytesPerResponse)} vs ${int(pairs[0]!.bare.bytesPerResponse)}; non-2xx or errors: ${bad}; server CPU while loaded ${(pairs[0]!.real.serverCores * 100).toFixed(0)} % vs ${(pairs[0]!.bare.serverCores * 100).toFixed(0)} % of one core.`,
      );
    }

    // What compression costs: the same page asked with a browser's `Accept-Encoding` (brotli is chosen).
    const plain = await measureSlice(real.base, real.url, { cookies, connections, seconds: setups[0]!.seconds });
    const gzip = await measureSlice(real.base, real.url, {
      cookies,
      connections,
      seconds: setups[0]!.seconds,
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    figures.push({
      part: '1',
      name: 'compression: CPU per request added, bytes per response',
      value: `+${int(gzip.cpuPerRequestUs - plain.cpuPerRequestUs)} µs (${int(plain.cpuPerRequestUs)} → ${int(gzip.cpuPerRequestUs)}); ${int(plain.bytesPerResponse)} → ${int(gzip.bytesPerResponse)} bytes`,
      target: '',
      holds: undefined,
    });
    details.push(
      `Compression, one slice each of ${setups[0]!.seconds} s, ${connections} learners: ${int(plain.perSecond)} req/s without, ${int(gzip.perSecond)} compressed${plain.other.disturbed || gzip.other.disturbed ? ' (disturbed)' : ''}.`,
    );
    // The bare stack answers through `app.listen`, as a bare Express app does; Passerelle through
    // createAppServer, which spares Express's per-request prototype change (decision 026). The same bare
    // app on that server tells how much of the ratio is that server, not the page's own work.
    sameServer = await startProcess(
      'bench/bare-app.ts',
      { NODE_ENV: 'production', PAGE_BYTES: String(pageBytes), BARE_APP_SERVER: '1' },
      { nodeArgs: profileArgs('bare-app-server') },
    );
    const sameUrl = `${sameServer.base}/page`;
    await measureSlice(sameServer.base, sameUrl, { cookies, connections, seconds: 2 });
    const ours = await measureSlice(real.base, real.url, { cookies, connections, seconds: setups[0]!.seconds });
    const bareSame = await measureSlice(sameServer.base, sameUrl, {
      cookies,
      connections,
      seconds: setups[0]!.seconds,
    });
    figures.push({
      part: '1',
      name: 'server CPU per request, bare Express + EJS on the same server as Passerelle (createAppServer)',
      value: `${int(ours.cpuPerRequestUs)} µs / ${int(bareSame.cpuPerRequestUs)} µs (ratio ${(bareSame.cpuPerRequestUs / ours.cpuPerRequestUs).toFixed(2)}); ${int(ours.perSecond)} vs ${int(bareSame.perSecond)} requests/s`,
      target: '',
      holds: undefined,
    });
    details.push(
      `Bare stack on Passerelle's own server (createAppServer, decision 026), one slice each of ${setups[0]!.seconds} s, ${connections} learners: Passerelle ${int(ours.perSecond)} req/s, ${int(ours.cpuPerRequestUs)} µs CPU/request; bare ${int(bareSame.perSecond)} req/s, ${int(bareSame.cpuPerRequestUs)} µs${ours.other.disturbed || bareSame.other.disturbed ? ' (disturbed)' : ''}.`,
    );
    return { part: '1', title: 'Part 1 — page speed vs the bare stack', figures, details };
  } finally {
    await bare?.stop();
    await sameServer?.stop();
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
});
