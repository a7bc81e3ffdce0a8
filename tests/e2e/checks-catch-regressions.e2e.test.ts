import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JourneyAudit } from './helpers/audit.ts';
import { launchChromium, viewports } from './helpers/browser.ts';
import { tabAroundPage } from './helpers/keyboard.ts';
import {
  axeProblems,
  focusedElement,
  horizontalScroll,
  learnerPageBudget,
  measureWeight,
  reflowProblems,
} from './helpers/page-checks.ts';

// The journeys pass only if these checks can fail: each one is shown a page with the defect it looks for.
// (The Nu HTML checker's own counter-example runs in the site report, with the same Java start.)

const page = (body: string, head = '') =>
  `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Essai</title>${head}</head><body><main><h1>Essai</h1>${body}</main></body></html>`;

describe('the page checks catch regressions', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const show = async (html: string, options: BrowserContextOptions = viewports.desktop): Promise<Page> => {
    const context = await browser.newContext(options);
    const tab = await context.newPage();
    await tab.setContent(html);
    return tab;
  };

  it('axe-core reports a form field without a label, readably', async () => {
    const tab = await show(page('<form><input type="text" name="code"><button>Vérifier</button></form>'));
    const problems = await axeProblems(tab);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^label \(critical\): Form elements must have labels — input — Fix any of the following/,
    );
    expect(await axeProblems(await show(page('<label for="c">Code</label><input id="c" name="code">')))).toEqual([]);
  });

  // A page served with an unlabelled field: the journey audit must fail the test (hence `fails`).
  it.fails('fails a journey that shows a page with an unlabelled field', async () => {
    const audit = new JourneyAudit('self-test');
    const context = await browser.newContext(viewports.desktop);
    const tab = audit.watch(await context.newPage());
    await tab.route('http://essai.test/**', (route) =>
      route.fulfill({ contentType: 'text/html; charset=utf-8', body: page('<form><input name="q"></form>') }),
    );
    await audit.goto(tab, 'Champ sans étiquette', 'http://essai.test/formulaire');
  });

  it('finds sideways scrolling and content cut off at 200 % zoom', async () => {
    const tab = await show(
      page(
        '<div style="width: 900px">Un bloc trop large</div><div style="overflow: hidden; width: 8rem"><span style="white-space: nowrap">Un texte coupé par son cadre trop étroit</span></div>',
      ),
      viewports.zoom200,
    );
    expect(await horizontalScroll(tab)).toEqual({ scrollWidth: 908, clientWidth: 640 });
    const problems = await reflowProblems(tab);
    expect(problems.some((p) => p.startsWith('div « Un bloc trop large » dépasse'))).toBe(true);
    expect(problems.some((p) => /^div « Un texte coupé.* coupe son contenu/.test(p))).toBe(true);
  });

  it('sees a focus indicator removed by a stylesheet', async () => {
    const tab = await show(page('<a href="#a">Lien</a>', '<style>a:focus { outline: none }</style>'));
    await tab.keyboard.press('Tab');
    expect(await focusedElement(tab)).toMatchObject({ description: 'a « Lien »', visible: false });
    const styled = await show(
      page('<a href="#a">Lien</a>', '<style>a:focus { box-shadow: 0 0 0 3px #c2410c }</style>'),
    );
    await styled.keyboard.press('Tab');
    expect((await focusedElement(styled)).visible).toBe(true);
  });

  it('detects a keyboard trap', async () => {
    const trap = `<a href="#a" id="a">Un</a> <a href="#b" id="b">Deux</a> <a href="#c">Après</a>
      <script>document.getElementById('b').addEventListener('keydown', (e) => {
        if (e.key === 'Tab') { e.preventDefault(); document.getElementById('a').focus(); }
      });</script>`;
    const tab = await show(page(trap));
    await expect(tabAroundPage(tab)).rejects.toThrow(/keyboard trap/);
    expect(await tabAroundPage(await show(page('<a href="#a">Un</a> <a href="#b">Deux</a>')))).toBe(2);
  });

  it('counts the stylesheets and scripts of a page in its weight', async () => {
    const html = page('<p>Texte</p>');
    const light = await measureWeight(html, 'http://127.0.0.1:9/');
    expect(light).toEqual({ html: Buffer.byteLength(html), css: 0, js: 0, total: Buffer.byteLength(html) });
    const heavy = await measureWeight(page('x'.repeat(learnerPageBudget)), 'http://127.0.0.1:9/');
    expect(heavy.total).toBeGreaterThan(learnerPageBudget);
  });
});
