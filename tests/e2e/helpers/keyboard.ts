// Callbacks of page.evaluate run in the browser.
/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { type FocusedElement, focusedElement } from './page-checks.ts';

interface Stop extends FocusedElement {
  /** Identity of the element in this page, to notice a repeat. */
  key: number;
  matches: boolean;
}

/** The focused element must show a focus indicator (WCAG 2.4.7). */
export async function expectFocusVisible(page: Page): Promise<FocusedElement> {
  const focused = await focusedElement(page);
  expect
    .soft(focused.isBody || focused.visible, `focus indicator visible on ${focused.description} (${page.url()})`)
    .toBe(true);
  return focused;
}

const focusPosition = (page: Page, selector: string) =>
  page.evaluate((sel) => {
    const el = document.activeElement;
    return { key: el ? [...document.querySelectorAll('*')].indexOf(el) : -1, matches: Boolean(el?.matches(sel)) };
  }, selector);

async function pressTab(page: Page, selector: string): Promise<Stop> {
  await page.keyboard.press('Tab');
  const [focused, position] = await Promise.all([expectFocusVisible(page), focusPosition(page, selector)]);
  return { ...focused, ...position };
}

/**
 * Presses Tab until the element matching `selector` has focus (unless it already has), checking at
 * every step that the focus can be seen. Focus may wrap around the end of the page once; more means
 * the target cannot be reached with Tab.
 */
export async function tabTo(page: Page, selector: string): Promise<void> {
  if ((await focusPosition(page, selector)).matches) return;
  const path: string[] = [];
  let wraps = 0;
  for (let i = 0; i < 200 && wraps < 2; i++) {
    const stop = await pressTab(page, selector);
    path.push(stop.description);
    if (stop.matches) return;
    if (stop.isBody) wraps += 1;
  }
  throw new Error(`Tab never reached ${selector} on ${page.url()}; focus went through: ${path.join(' → ')}`);
}

/**
 * Tabs once around the whole page. Every step must show the focus, and focus must reach the end of
 * the page and come back to where it started: a widget that keeps focus would be a keyboard trap.
 * Returns the number of tab stops.
 */
export async function tabAroundPage(page: Page): Promise<number> {
  const stops: Stop[] = [];
  for (let i = 0; i < 300; i++) {
    const stop = await pressTab(page, '*');
    const first = stops.find((s) => !s.isBody);
    if (first && stop.key === first.key) {
      expect(
        stops.some((s) => s.isBody),
        `focus cycles without leaving the page on ${page.url()} (keyboard trap): ${stops.map((s) => s.description).join(' → ')}`,
      ).toBe(true);
      return stops.filter((s) => !s.isBody).length;
    }
    stops.push(stop);
    if (stops.length >= 3 && stops.every((s) => s.isBody)) return 0;
  }
  throw new Error(
    `focus never came back to its start on ${page.url()} (keyboard trap?): ${stops
      .slice(-20)
      .map((s) => s.description)
      .join(' → ')}`,
  );
}
