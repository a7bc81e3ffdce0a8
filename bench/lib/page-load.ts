// One page load in Chromium, measured through the DevTools protocol and the browser's own performance
// entries: what went over the network, and when the page showed something (bench/phone.ts).
import type { CDPSession, Page } from 'playwright-core';

export interface PageLoad {
  page: string;
  /** Bytes received over the network (headers and bodies, compressed), for every request of the page. */
  bytes: number;
  /** Requests sent over the network, redirects included (answers from the browser's cache are not counted). */
  requests: number;
  /** Answered from the browser's cache, without the network. */
  fromCache: number;
  /** From the page's first request (the quiz's POST) to the answer headers of the page shown. */
  ttfbMs: number;
  fcpMs: number;
  lcpMs: number;
  /** Sum of the part over 50 ms of every long task after the first contentful paint. */
  tbtMs: number;
}

/**
 * Installed in every page before its own scripts: long tasks and LCP entries are kept as they come, as
 * buffered observers may not replay them.
 */
export const observeScript = `
window.__perf = { longTasks: [], lcp: 0 };
try {
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__perf.longTasks.push([e.startTime, e.duration]); })
    .observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__perf.lcp = e.startTime; })
    .observe({ type: 'largest-contentful-paint', buffered: true });
} catch {}
`;

/** Counts what the network carried between `start()` and `stop()`. */
export function networkMeter(cdp: CDPSession) {
  let bytes = 0;
  let requests = 0;
  let fromCache = 0;
  const cached = new Set<string>();
  // Time to first byte from the protocol's own clock: navigation timing does not see the emulated latency.
  let documentSent: number | undefined;
  let documentAnswered: number | undefined;
  cdp.on('Network.requestWillBeSent', (event) => {
    if (!event.request.url.startsWith('data:')) requests++;
    if (event.type === 'Document' && documentSent === undefined) documentSent = event.timestamp;
    // A redirect's answer finishes no loading of its own: count its bytes here.
    if (event.redirectResponse) bytes += event.redirectResponse.encodedDataLength;
  });
  cdp.on('Network.requestServedFromCache', (event) => {
    cached.add(event.requestId);
    fromCache++;
  });
  cdp.on('Network.responseReceived', (event) => {
    if (event.type === 'Document') documentAnswered = event.timestamp;
  });
  cdp.on('Network.loadingFinished', (event) => {
    if (!cached.has(event.requestId)) bytes += event.encodedDataLength;
  });
  return {
    start() {
      bytes = 0;
      requests = 0;
      fromCache = 0;
      cached.clear();
      documentSent = undefined;
      documentAnswered = undefined;
    },
    read: () => ({
      bytes,
      requests: requests - fromCache,
      fromCache,
      ttfbMs:
        documentSent !== undefined && documentAnswered !== undefined
          ? (documentAnswered - documentSent) * 1000
          : Number.NaN,
    }),
  };
}

/** Runs `navigate` (a click or a goto), waits for the load event and a quiet network, and measures. */
export async function measureLoad(
  page: Page,
  meter: ReturnType<typeof networkMeter>,
  name: string,
  navigate: () => Promise<unknown>,
): Promise<PageLoad> {
  meter.start();
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), navigate()]);
  await page.waitForLoadState('networkidle');
  const timings = await page.evaluate(() => {
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN;
    const perf = (window as unknown as { __perf: { longTasks: [number, number][]; lcp: number } }).__perf;
    const tbt = perf.longTasks
      .filter(([start]) => start >= fcp)
      .reduce((sum, [, duration]) => sum + Math.max(0, duration - 50), 0);
    return { fcp, lcp: perf.lcp || fcp, tbt };
  });
  return {
    page: name,
    ...meter.read(),
    fcpMs: timings.fcp,
    lcpMs: timings.lcp,
    tbtMs: timings.tbt,
  };
}
