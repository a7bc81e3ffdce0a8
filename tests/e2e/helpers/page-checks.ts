// Callbacks of page.evaluate run in the browser.
/// <reference lib="dom" />
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** RGAA 4 follows WCAG 2.1 AA: the axe rules tagged with these levels. */
export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Learner pages must stay light for old phones on poor connections: HTML + CSS + JS, images excepted. */
export const learnerPageBudget = 30_000;

/** Staff pages (administration, HR, studio) are measured but have no budget. */
export const isStaffPage = (pathname: string) => /^\/(admin|hr|studio)(\/|$)/.test(pathname);

/** Runs axe-core on the page; each violated node becomes one readable line. */
export async function axeProblems(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
  return violations.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `${violation.id} (${violation.impact ?? 'n/a'}): ${violation.help} — ${node.target.join(' ')} — ` +
        `${(node.failureSummary ?? '').replace(/\s+/g, ' ').trim()} — ${violation.helpUrl}`,
    ),
  );
}

export interface PageWeight {
  html: number;
  css: number;
  js: number;
  total: number;
}

const assetSizes = new Map<string, Promise<number>>();

/** Bytes of the HTML plus every stylesheet and script it references, as if nothing were cached. */
export async function measureWeight(html: string, pageUrl: string): Promise<PageWeight> {
  const css: string[] = [];
  const js: string[] = [];
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const href = /\bhref="([^"]+)"/i.exec(tag)?.[1];
    if (href && /\brel="[^"]*\bstylesheet\b/i.test(tag)) css.push(new URL(href, pageUrl).href);
  }
  for (const [, src] of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/gi)) js.push(new URL(src!, pageUrl).href);
  const sizeOf = (url: string) => {
    let size = assetSizes.get(url);
    if (!size) {
      size = fetch(url).then(async (res) => {
        if (!res.ok) throw new Error(`${url} answered ${res.status}`);
        return (await res.arrayBuffer()).byteLength;
      });
      assetSizes.set(url, size);
    }
    return size;
  };
  const sum = async (urls: string[]) => (await Promise.all(urls.map(sizeOf))).reduce((a, b) => a + b, 0);
  const weight = { html: Buffer.byteLength(html), css: await sum(css), js: await sum(js) };
  return { ...weight, total: weight.html + weight.css + weight.js };
}

/** Whether the page scrolls sideways (WCAG 1.4.10: content reflows at 320 CSS px). */
export async function horizontalScroll(page: Page): Promise<{ scrollWidth: number; clientWidth: number } | null> {
  const size = await page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth };
  });
  return size.scrollWidth > size.clientWidth ? size : null;
}

/**
 * Content cut off or pushed out of the window: an element reaching past the right edge, or a box
 * that hides overflowing content. Tables and code inside their own scrolling box are allowed
 * (two-dimensional content is an exception of WCAG 1.4.10).
 */
export async function reflowProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${[...el.classList].join('.')}` : ''} « ${(el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40)} »`;
    const scrolls = (el: Element) => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX);
    const insideScroller = (el: Element) => {
      for (let parent = el.parentElement; parent && parent !== document.body; parent = parent.parentElement)
        if (scrolls(parent)) return true;
      return false;
    };
    const problems: string[] = [];
    for (const el of document.body.querySelectorAll('*')) {
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0 || insideScroller(el)) continue;
      if (rect.right > width + 1 && rect.left < width)
        problems.push(`${describe(el)} dépasse de la fenêtre (${Math.round(rect.right)} px > ${width} px)`);
      if (['hidden', 'clip'].includes(style.overflowX) && el.scrollWidth > el.clientWidth + 1)
        problems.push(`${describe(el)} coupe son contenu (${el.scrollWidth} px dans ${el.clientWidth} px)`);
    }
    return problems;
  });
}

export interface FocusedElement {
  /** `body` when focus left the page's controls (before the first or after the last one). */
  description: string;
  isBody: boolean;
  /** An outline or a box-shadow is drawn around the element. */
  visible: boolean;
}

/** What has keyboard focus, and whether the focus indicator can be seen. */
export async function focusedElement(page: Page): Promise<FocusedElement> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement)
      return { description: 'body', isBody: true, visible: false };
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow !== 'none';
    const label =
      el.getAttribute('aria-label') ??
      (el instanceof HTMLInputElement && el.labels?.[0] ? el.labels[0].textContent : el.textContent) ??
      '';
    return {
      description: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} « ${label.trim().replace(/\s+/g, ' ').slice(0, 50)} »`,
      isBody: false,
      visible: outline || shadow,
    };
  });
}
