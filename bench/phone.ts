// Part 7 — the learner's phone (npm run bench:phone).
// Debian's Chromium, driven through the DevTools protocol, loads the learner's journey — catalogue,
// course, module, quiz result, « Mon parcours » — in a cheap phone's conditions: 4× CPU slowdown, a slow
// 3G link (400 ms round trip, 400 kbit/s down and up), a 360×640 screen. First with the browser's cache
// emptied before every page (a first visit), then again with the cache kept (a return visit). Per page:
// bytes over the network, requests, time to first byte, first and largest contentful paint, and total
// blocking time (the time scripts keep the page from answering: none is needed to read or answer).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadCatalog } from '../server/catalog/load-catalog.ts';
import { launchChromium } from '../tests/e2e/helpers/browser.ts';
import { type Figure, ms, runPart } from './lib/figures.ts';
import { otherLoad } from './lib/other-load.ts';
import { measureLoad, networkMeter, observeScript, type PageLoad } from './lib/page-load.ts';
import { serverCpuUs } from './lib/page-slices.ts';
import { benchPassword, seedStore } from './lib/seed.ts';
import { root, startPasserelle } from './lib/server-process.ts';

const targets = { kb: 30, requests: 3, lcpColdMs: 2500, lcpWarmMs: 1000, tbtMs: 0 };
const conditions = { cpuSlowdown: 4, latencyMs: 400, kbitPerSecond: 400 };

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
    const others = await otherLoad();
    const cpuBefore = await serverCpuUs(server.base);
    const journeyStarted = performance.now();
    const run = async (cold: boolean) => {
      const loads: PageLoad[] = [];
      for (const [name, navigate] of journey) {
        if (cold) await cdp.send('Network.clearBrowserCache');
        // The quiz is answered on the module page, reached without a measure on the warm pass too.
        loads.push(await measureLoad(page, meter, name, navigate));
      }
      return loads;
    };
    const cold = await run(true);
    await page.goto(`${server.base}/courses`);
    const warm = await run(false);
    const serverCpuMs = ((await serverCpuUs(server.base)) - cpuBefore) / 1000;
    const other = await others();
    const requests = [...cold, ...warm].reduce((n, l) => n + l.requests, 0);
    const seconds = (performance.now() - journeyStarted) / 1000;

    const worst = (loads: PageLoad[], pick: (l: PageLoad) => number) => Math.max(...loads.map(pick));
    const tag = other.disturbed ? ' (disturbed)' : '';
    const figures: Figure[] = [
      {
        part: '7',
        name: 'largest page, cold cache (bytes over the network)',
        value: `${(worst(cold, (l) => l.bytes) / 1024).toFixed(1)} KB`,
        target: `≤ ${targets.kb} KB`,
        holds: worst(cold, (l) => l.bytes) <= targets.kb * 1024,
      },
      {
        part: '7',
        name: 'most requests for a page, cold cache',
        value: String(worst(cold, (l) => l.requests)),
        target: `≤ ${targets.requests}`,
        holds: worst(cold, (l) => l.requests) <= targets.requests,
      },
      {
        part: '7',
        name: 'slowest LCP, cold cache',
        value: ms(worst(cold, (l) => l.lcpMs)) + tag,
        target: `≤ ${targets.lcpColdMs} ms`,
        holds: worst(cold, (l) => l.lcpMs) <= targets.lcpColdMs,
      },
      {
        part: '7',
        name: 'slowest LCP, warm cache',
        value: ms(worst(warm, (l) => l.lcpMs)) + tag,
        target: `≤ ${targets.lcpWarmMs} ms`,
        holds: worst(warm, (l) => l.lcpMs) <= targets.lcpWarmMs,
      },
      {
        part: '7',
        name: 'total blocking time, all pages',
        value: ms(worst([...cold, ...warm], (l) => l.tbtMs)),
        target: `${targets.tbtMs} ms`,
        holds: worst([...cold, ...warm], (l) => l.tbtMs) <= targets.tbtMs,
      },
    ];
    const line = (l: PageLoad) =>
      `${l.page}: ${(l.bytes / 1024).toFixed(1)} KB, ${l.requests} request${l.requests === 1 ? '' : 's'}` +
      `${l.fromCache > 0 ? ` (+${l.fromCache} from cache)` : ''}, TTFB ${ms(l.ttfbMs)}, FCP ${ms(l.fcpMs)}, ` +
      `LCP ${ms(l.lcpMs)}, TBT ${ms(l.tbtMs)}`;
    return {
      part: '7',
      title: 'Part 7 — the learner’s phone',
      figures,
      details: [
        `Chromium (DevTools protocol), ${conditions.cpuSlowdown}× CPU slowdown, ${conditions.latencyMs} ms round trip, ${conditions.kbitPerSecond} kbit/s, 360×640 screen; journey ${course.slug} → \`${modulePath}\` → its quiz → « Mon parcours ».`,
        `Cold cache (emptied before each page): ${cold.map(line).join('; ')}.`,
        `Warm cache (second visit): ${warm.map(line).join('; ')}.`,
        `Latencies are the phone's conditions plus the server; the rest of the machine used ${other.cores.toFixed(2)} cores meanwhile${tag}. Server CPU over the ${seconds.toFixed(0)} s of both passes (${requests} requests; the phone waits most of the time, so idle timers are in it): ${serverCpuMs.toFixed(0)} ms.`,
      ],
    };
  } finally {
    await browser.close();
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
});
