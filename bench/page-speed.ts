// Part 1 — page speed against the bare stack (npm run bench:page).
// Requests per second for a signed-in learner's module page (each view records progress durably, as in
// production) against a minimal Express + EJS app serving a page of the same size from memory. Both run
// as their own processes; the load generator (autocannon) runs in a third. The two are measured in
// alternating slices of the same run, so load from other processes hits both alike.
// Options: --connections 16 --slices 6 --seconds 4
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadCatalog } from '../server/catalog/load-catalog.ts';
import { type Figure, int, ms, runPart } from './lib/figures.ts';
import { type AutocannonResult, runLoad } from './lib/load-jobs.ts';
import { processCpu } from './lib/process-cpu.ts';
import { benchPassword, seedStore } from './lib/seed.ts';
import { profileArgs, root, startPasserelle, startProcess } from './lib/server-process.ts';

const { values: args } = parseArgs({
  options: {
    connections: { type: 'string', default: '16' },
    slices: { type: 'string', default: '6' },
    seconds: { type: 'string', default: '4' },
  },
  strict: false,
});
const connections = Number(args.connections);
const slices = Number(args.slices);
const seconds = Number(args.seconds);
const target = 0.6;

await runPart(async () => {
  const { catalog } = await loadCatalog(path.join(root, 'courses'));
  const course = catalog.courses[0]!;
  const module = course.modules[1]!;
  const pagePath = `/courses/${course.slug}/${module.slug}`;
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'passerelle-bench-page-'));
  const seed = await seedStore(dataDir, { catalog, learners: 1000, progressRows: 10_000 });
  const server = await startPasserelle({ dataDir, coursesDir: path.join(root, 'courses') });
  let bare: Awaited<ReturnType<typeof startProcess>> | undefined;
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
    const realUrl = `${server.base}${pagePath}`;
    const bareUrl = `${bare.base}/page`;
    const run = (url: string, runSeconds: number) =>
      runLoad({ kind: 'autocannon', url, cookies, connections, seconds: runSeconds });
    // Warm-up (JIT, template compilation), not counted.
    await run(realUrl, 2);
    await run(bareUrl, 2);
    const real: AutocannonResult[] = [];
    const stack: AutocannonResult[] = [];
    const realCpu = processCpu(server.pid);
    const bareCpu = processCpu(bare.pid);
    let realBusy = 0;
    let bareBusy = 0;
    for (let i = 0; i < slices; i++) {
      let before = await realCpu();
      real.push(await run(realUrl, seconds));
      realBusy += (await realCpu()) - before;
      before = await bareCpu();
      stack.push(await run(bareUrl, seconds));
      bareBusy += (await bareCpu()) - before;
    }
    const total = (results: AutocannonResult[]) => {
      const requests = results.reduce((n, r) => n + r.requests, 0);
      const time = results.reduce((n, r) => n + r.seconds, 0);
      return {
        perSecond: requests / time,
        time,
        p99: Math.max(...results.map((r) => r.latency.p99)),
        p50: results.map((r) => r.latency.p50).sort((a, b) => a - b)[Math.floor(results.length / 2)]!,
        bytes: results[0]!.bytesPerResponse,
        bad: results.reduce((n, r) => n + r.non2xx + r.errors + r.timeouts, 0),
        slices: results.map((r) => int(r.perSecond)).join(', '),
        generator: results.reduce((n, r) => n + r.generatorCpu * r.seconds, 0) / time,
      };
    };
    const r = total(real);
    const b = total(stack);
    const ratio = r.perSecond / b.perSecond;
    const figures: Figure[] = [
      {
        part: '1',
        name: 'module page (signed in), requests/s',
        value: int(r.perSecond),
        target: '',
        holds: undefined,
      },
      { part: '1', name: 'bare Express + EJS, requests/s', value: int(b.perSecond), target: '', holds: undefined },
      {
        part: '1',
        name: 'page speed vs bare stack',
        value: ratio.toFixed(2),
        target: `≥ ${target}`,
        holds: ratio >= target && r.bad === 0 && b.bad === 0,
      },
    ];
    return {
      part: '1',
      title: 'Part 1 — page speed vs the bare stack',
      figures,
      details: [
        `Module page \`${pagePath}\` for ${connections} signed-in learners (one per connection); every view is a durable progress write.`,
        `Page body: ${int(pageBytes)} bytes for both; with headers: Passerelle ${int(r.bytes)} bytes (security headers, cookies), bare stack ${int(b.bytes)} bytes.`,
        `${slices} alternating slices of ${seconds} s each after a 2 s warm-up; requests/s per slice: Passerelle ${r.slices}; bare ${b.slices}.`,
        `Latency p50/p99: Passerelle ${ms(r.p50)} / ${ms(r.p99)}, bare ${ms(b.p50)} / ${ms(b.p99)}; non-2xx or errors: ${r.bad} / ${b.bad}.`,
        `Server CPU while loaded: Passerelle ${((realBusy / r.time) * 100).toFixed(0)} %, bare ${((bareBusy / b.time) * 100).toFixed(0)} % of one core; load generator (autocannon, its own process) ${(r.generator * 100).toFixed(0)} % and ${(b.generator * 100).toFixed(0)} %.`,
      ],
    };
  } finally {
    await bare?.stop();
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
});
