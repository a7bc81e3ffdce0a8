import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page, Response } from 'playwright-core';
import { expect } from 'vitest';
import { repoRoot } from '../../helpers/start-server.ts';
import {
  axeProblems,
  horizontalScroll,
  isStaffPage,
  learnerPageBudget,
  measureWeight,
  type PageWeight,
  reflowProblems,
} from './page-checks.ts';

export const resultsDir = path.join(repoRoot, 'test-results');
/** The HTML of every checked page, as the server sent it, and one manifest per journey. */
export const pagesDir = path.join(resultsDir, 'e2e-pages');
export const screenshotsDir = path.join(resultsDir, 'screenshots');

export interface RecordedPage {
  journey: string;
  name: string;
  path: string;
  status: number;
  /** The saved HTML, for the Nu HTML checker run at the end. */
  file: string;
  weight: PageWeight;
  /** Learner-facing pages have a weight budget; staff pages are only measured. */
  learner: boolean;
}

export interface CheckOptions {
  screenshot?: boolean;
}

interface DocumentResponse {
  url: string;
  /** The address the page stands for (Content-Location): a quiz's answer is its attempt's result page. */
  address: string | undefined;
  status: number;
  body: Promise<Buffer | null>;
}

const withoutHash = (url: string) => url.split('#')[0]!;
const slugify = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

const isDocument = (response: Response, page: Page) => {
  const request = response.request();
  return request.resourceType() === 'document' && request.frame() === page.mainFrame();
};
const isRedirect = (response: Response) => response.status() >= 300 && response.status() < 400;

/**
 * Records and checks every page a journey shows: axe-core (WCAG 2.1 A and AA), weight, horizontal
 * scrolling and content cut off; keeps the server's HTML for the Nu HTML checker. Soft assertions:
 * a journey goes on after a finding, so one run lists every page at fault.
 */
export class JourneyAudit {
  readonly pages: RecordedPage[] = [];
  private readonly documents = new WeakMap<Page, DocumentResponse>();
  private readonly navigated = new Set<string>();
  private readonly checked = new Set<string>();

  constructor(
    readonly journey: string,
    private readonly options: { axe?: boolean } = {},
  ) {}

  /** Follows a page's navigations; call it before the page loads anything. */
  watch(page: Page): Page {
    page.on('response', (response) => {
      if (!isDocument(response, page) || isRedirect(response)) return;
      if (!(response.headers()['content-type'] ?? '').startsWith('text/html')) return;
      // Ask for the body at once: Chromium drops it when the page navigates away.
      const body = response.body().catch(() => null);
      const location = response.headers()['content-location'];
      const address = location ? new URL(location, response.url()).href : undefined;
      this.documents.set(page, { url: response.url(), address, status: response.status(), body });
    });
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame() && frame.url().startsWith('http')) this.navigated.add(withoutHash(frame.url()));
    });
    return page;
  }

  /** Runs an action that loads a page (a click, a key, a submission), waits for that page, then checks it. */
  async visit(page: Page, name: string, action: () => Promise<unknown>, options: CheckOptions = {}): Promise<number> {
    // The response arrives before the new document replaces the old one, and a form re-shown with its
    // errors keeps the same address: wait for the next `load` of the page, not for a URL.
    const [response] = await Promise.all([
      page.waitForResponse((r) => isDocument(r, page) && !isRedirect(r), { timeout: 20_000 }),
      page.waitForEvent('load', { timeout: 20_000 }),
      action(),
    ]);
    await this.check(page, name, options);
    return response.status();
  }

  goto(page: Page, name: string, url: string, options: CheckOptions = {}): Promise<number> {
    return this.visit(page, name, () => page.goto(url), options);
  }

  /** Checks the page on screen, which must be the last document the page loaded. */
  async check(page: Page, name: string, options: CheckOptions = {}): Promise<void> {
    const url = withoutHash(page.url());
    const document = this.documents.get(page);
    // With scripts, the page may have taken its Content-Location as address (replace-address.ts).
    const addresses = document ? [document.url, document.address ?? document.url].map(withoutHash) : [];
    if (!document || !addresses.includes(url)) throw new Error(`no HTML response recorded for ${url}`);
    const body = await document.body;
    if (!body) throw new Error(`the HTML of ${url} could not be read`);
    const html = body.toString('utf8');
    const { pathname } = new URL(url);
    const slug = `${String(this.pages.length + 1).padStart(2, '0')}-${slugify(name)}`;
    const file = path.join(pagesDir, this.journey, `${slug}.html`);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, body);

    const weight = await measureWeight(html, url);
    const learner = !isStaffPage(pathname);
    const where = `« ${name} » (${this.journey}, ${pathname})`;
    if (learner)
      expect
        .soft(weight.total, `weight of ${where}: HTML ${weight.html} + CSS ${weight.css} + JS ${weight.js} bytes`)
        .toBeLessThan(learnerPageBudget);
    expect.soft(await horizontalScroll(page), `horizontal scrolling on ${where}`).toBeNull();
    expect.soft(await reflowProblems(page), `content cut off or out of the window on ${where}`).toEqual([]);
    if (this.options.axe !== false) expect.soft(await axeProblems(page), `axe-core on ${where}`).toEqual([]);
    if (options.screenshot) {
      await mkdir(screenshotsDir, { recursive: true });
      await page.screenshot({ path: path.join(screenshotsDir, `${this.journey}-${slug}.png`), fullPage: true });
    }
    for (const address of addresses) this.checked.add(address);
    this.pages.push({ journey: this.journey, name, path: pathname, status: document.status, file, weight, learner });
  }

  /** Every page the browser showed went through the checks. */
  expectEveryPageChecked(): void {
    expect(
      [...this.navigated].filter((url) => !this.checked.has(url)),
      'pages shown but never checked',
    ).toEqual([]);
  }

  /** Writes the manifest the site report reads (weights table, Nu HTML checker). */
  async save(): Promise<void> {
    if (this.pages.length === 0) return;
    await mkdir(pagesDir, { recursive: true });
    await writeFile(path.join(pagesDir, `${this.journey}.json`), JSON.stringify(this.pages, null, 2));
  }
}
