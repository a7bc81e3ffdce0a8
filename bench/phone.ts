// Part 7 — the learner's phone (npm run bench:phone).
// Debian's Chromium, driven through the DevTools protocol, loads the learner's journey — catalogue,
// course, module, quiz result, « Mon parcours » — in a cheap phone's conditions: 4× CPU slowdown, a slow
// 3G link (400 ms round trip, 400 kbit/s down and up), a 360×640 screen. First with the browser's cache
// emptied before every page (a first visit), then again with the cache kept (a return visit). Per page:
// bytes over the network, requests, time to first byte, first and largest contentful paint, and total
// blocking time (the time scripts keep the page from answering: none is needed to read or answer).
// Every page is judged on its own against the targets. The journey runs --runs times (3 by default):
// the browser's throttled CPU magnifies other work on the machine, so each run records the CPU the rest
// of the machine used, and each page's figures are the median of the quiet runs (of all runs, said so,
// when none was quiet).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadCatalog } from '../server/catalog/load-catalog.ts';
import { launchChromium } from '../tests/e2e/helpers/browser.ts';
import { type Figure, ms, runPart } from './lib/figures.ts';
import { type OtherLoad, otherLoad } from './lib/other-load.ts';
import { measureLoad, networkMeter, observeScript, type PageLoad } from './lib/page-load.ts';
import { serverCpuUs } from './lib/page-slices.ts';
import { benchPassword, seedStore } from './lib/seed.ts';
import { root, startPasserelle } from './lib/server-process.ts';

const targets = { kb: 30, requests: 3, lcpColdMs: 2500, lcpWarmMs: 1000, tbtMs: 0 };
const conditions = { cpuSlowdown: 4, latencyMs: 400, kbitPerSecond: 400 };
const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '3' } }, strict: false });
const runs = Math.max(1, Number(args.runs));

await runPart(async () => {
  const { catalog } = await loadCatalog(path.join(root, 'courses'));
  const course = catalog.courses[0]!;
  // A module whose quiz allows any number of attempts: the journey answers it twice (cold, then warm).
  const module = course.modules.find((m) => m.quiz && m.quiz.maxAttempts === 0);
  if (!module) throw new Error(`${course.slug} has no quiz without an attempt limit`);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'passerelle-bench-phone-'));
  const seed = await seedStore(dataDir, { catalog, learners: 10, progressRows: 100 });
  const server = await startPasserelle({ dataDir, coursesDir: path.join(root, 'courses'), metrics: 'cpu' });
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({
      viewport: { width: 360, height: 640 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'fr-FR',
    });
    await context.addInitScript(observeScript);
    const page = await context.newPage();
    // Signing in is not part of the journey measured; it happens at full speed.
    await page.goto(`${server.base}/login`);
    await page.getByLabel('Adresse e-mail').fill(seed.learners[0]!.email);
    await page.getByLabel('Mot de passe').fill(benchPassword);
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Se connecter' }).click()]);

    const modulePath = `/courses/${course.slug}/${module.slug}`;
    const journey: [string, () => Promise<unknown>][] = [
      ['catalogue', () => page.goto(`${server.base}/courses`)],
      ['course', () => page.goto(`${server.base}/courses/${course.slug}`)],
      ['module', () => page.goto(`${server.base}${modulePath}`)],
      [
        'quiz result',
        async () => {
          // The first choice of every question, as a learner in a hurry would answer.
          for (const fieldset of await page.locator('form.quiz-form fieldset').all()) {
            const text = fieldset.locator('input[type="text"]');
            if ((await text.count()) > 0) await text.fill('je ne sais pas');
            else await fieldset.locator('input').first().check();
          }
          await page.locator('form.quiz-form button[type="submit"]').click();
        },
      ],
      ['Mon parcours', () => page.getByRole('navigation').getByRole('link', { name: 'Mon parcours' }).click()],
    ];

    // Every page once at full speed, unmeasured: the server has rendered each module (Markdown is
    // rendered on first use), as it has on a server running for a while.
    for (const [, navigate] of journey) await Promise.all([page.waitForNavigation(), navigate()]);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: conditions.latencyMs,
      downloadThroughput: (conditions.kbitPerSecond * 1000) / 8,
      uploadThroughput: (conditions.kbitPerSecond * 1000) / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: conditions.cpuSlowdown });
    const meter = networkMeter(cdp);
    const cpuBefore = await serverCpuUs(server.base);
    const journeyStarted = performance.now();
    const pass = async (cold: boolean) => {
      const loads: PageLoad[] = [];
      for (const [name, navigate] of journey) {
        if (cold) await cdp.send('Network.clearBrowserCache');
        // The quiz is answered on the module page, reached without a measure on the warm pass too.
        loads.push(await measureLoad(page, meter, name, navigate));
      }
      return loads;
    };
    const passes: { cold: PageLoad[]; warm: PageLoad[]; other: OtherLoad }[] = [];
    for (let run = 0; run < runs; run++) {
      const others = await otherLoad();
      const cold = await pass(true);
      await page.goto(`${server.base}/courses`);
      const warm = await pass(false);
      passes.push({ cold, warm, other: await others() });
    }
    const serverCpuMs = ((await serverCpuUs(server.base)) - cpuBefore) / 1000;
    const requests = passes.flatMap((p) => [...p.cold, ...p.warm]).reduce((n, l) => n + l.requests, 0);
    const seconds = (performance.now() - journeyStarted) / 1000;
    const quiet = passes.filter((p) => !p.other.disturbed);
    const judged = quiet.length > 0 ? quiet : passes;
    const on = quiet.length > 0 ? `median of ${quiet.length} quiet run(s) of ${runs}` : `all ${runs} run(s) disturbed`;

    const median = (values: number[]) => {
      const sorted = [...values].sort((a, b) => a - b);
      const middle = Math.floor(sorted.length / 2);
      return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
    };
    const figures: Figure[] = [];
    const check = (text: string, ok: boolean) => `${text}${ok ? '' : ' ✗'}`;
    for (const [index, [name]] of journey.entries()) {
      const of = (cache: 'cold' | 'warm', pick: (l: PageLoad) => number) =>
        median(judged.map((p) => pick(p[cache][index]!)));
      const cold = {
        bytes: of('cold', (l) => l.bytes),
        requests: of('cold', (l) => l.requests),
        lcp: of('cold', (l) => l.lcpMs),
        tbt: of('cold', (l) => l.tbtMs),
      };
      const warm = { lcp: of('warm', (l) => l.lcpMs), tbt: of('warm', (l) => l.tbtMs) };
      const holds = {
        bytes: cold.bytes <= targets.kb * 1024,
        requests: cold.requests <= targets.requests,
        lcpCold: cold.lcp <= targets.lcpColdMs,
        lcpWarm: warm.lcp <= targets.lcpWarmMs,
        tbt: cold.tbt <= targets.tbtMs && warm.tbt <= targets.tbtMs,
      };
      figures.push(
        {
          part: '7',
          name: `${name}, cold cache`,
          value: [
            check(`${(cold.bytes / 1024).toFixed(1)} KB`, holds.bytes),
            check(`${cold.requests} requests`, holds.requests),
            check(`LCP ${ms(cold.lcp)}`, holds.lcpCold),
            check(`TBT ${ms(cold.tbt)}`, cold.tbt <= targets.tbtMs),
          ].join(', '),
          target: `≤ ${targets.kb} KB, ≤ ${targets.requests} requests, LCP ≤ ${targets.lcpColdMs} ms, TBT ${targets.tbtMs} ms`,
          holds: holds.bytes && holds.requests && holds.lcpCold && cold.tbt <= targets.tbtMs,
        },
        {
          part: '7',
          name: `${name}, warm cache`,
          value: [
            check(`LCP ${ms(warm.lcp)}`, holds.lcpWarm),
            check(`TBT ${ms(warm.tbt)}`, warm.tbt <= targets.tbtMs),
          ].join(', '),
          target: `LCP ≤ ${targets.lcpWarmMs} ms, TBT ${targets.tbtMs} ms`,
          holds: holds.lcpWarm && warm.tbt <= targets.tbtMs,
        },
      );
    }
    const line = (l: PageLoad) =>
      `${l.page}: ${(l.bytes / 1024).toFixed(1)} KB, ${l.requests} request${l.requests === 1 ? '' : 's'}` +
      `${l.fromCache > 0 ? ` (+${l.fromCache} from cache)` : ''}, TTFB ${ms(l.ttfbMs)}, FCP ${ms(l.fcpMs)}, ` +
      `LCP ${ms(l.lcpMs)}, TBT ${ms(l.tbtMs)}`;
    const runLines = passes.flatMap((p, i) => {
      const tag = `run ${i + 1} (other load ${p.other.cores.toFixed(2)} cores${p.other.disturbed ? ', disturbed' : ''})`;
      return [
        `${tag}, cold cache (emptied before each page): ${p.cold.map(line).join('; ')}.`,
        `${tag}, warm cache (second visit): ${p.warm.map(line).join('; ')}.`,
      ];
    });
    return {
      part: '7',
      title: 'Part 7 — the learner’s phone',
      figures,
      details: [
        `Chromium (DevTools protocol), ${conditions.cpuSlowdown}× CPU slowdown, ${conditions.latencyMs} ms round trip, ${conditions.kbitPerSecond} kbit/s, 360×640 screen; journey ${course.slug} → \`${modulePath}\` → its quiz → « Mon parcours ». Figures per page: ${on}.`,
        ...runLines,
        `Latencies are the phone's conditions plus the server. Server CPU over the ${seconds.toFixed(0)} s of all passes (${requests} requests; the phone waits most of the time, so idle timers are in it): ${serverCpuMs.toFixed(0)} ms.`,
      ],
    };
  } finally {
    await browser.close();
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
});
