import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPoppler } from '../certificates/run-poppler.ts';
import { type RunningServer, startServer } from '../helpers/start-server.ts';
import { JourneyAudit } from './helpers/audit.ts';
import { launchChromium } from './helpers/browser.ts';

const jobAids = [
  { slug: 'culture-numerique', title: 'Les autres chemins' },
  { slug: 'pratiques-numeriques', title: 'Le traducteur d’usages' },
];

describe('the job aid at the end of each bundled course', () => {
  let server: RunningServer;
  let browser: Browser;
  let work: string;
  const audit = new JourneyAudit('job-aid');

  beforeAll(async () => {
    [server, browser, work] = await Promise.all([
      startServer(),
      launchChromium(),
      mkdtemp(path.join(tmpdir(), 'passerelle-print-')),
    ]);
  });
  afterAll(async () => {
    await audit.save();
    await browser?.close();
    await server?.stop();
    await rm(work, { recursive: true, force: true });
  });

  it('opens from the course page, passes the checks, and prints alone on one A4 page', async () => {
    const context = await browser.newContext();
    const page = audit.watch(await context.newPage());
    for (const { slug, title } of jobAids) {
      await audit.goto(page, `Formation ${slug}`, `${server.baseUrl}/courses/${slug}`);
      const link = page.getByRole('link', { name: `Fiche à imprimer : ${title.replace('’', "'")}` });
      await audit.visit(page, `Fiche ${slug}`, () => link.click(), { screenshot: true });
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(title.replace('’', "'"));

      // What the printer gets: the sheet without the site's menus or the page's own links.
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('header.site').isVisible()).toBe(false);
      expect(await page.locator('.job-aid-actions').isVisible()).toBe(false);
      expect(await page.locator('.job-aid table').isVisible()).toBe(true);
      const file = path.join(work, `${slug}.pdf`);
      await writeFile(file, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
      await page.emulateMedia({ media: 'screen' });
      const info = await runPoppler('pdfinfo', [file]);
      expect(info, `${slug} printed from the browser`).toMatch(/^Pages:\s+1$/m);
      expect(info).toMatch(/^Page size:.* pts \(A4\)$/m);

      const pdf = await context.request.get(`${server.baseUrl}/courses/${slug}/fiche.pdf`);
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()['content-type']).toBe('application/pdf');
    }
    audit.expectEveryPageChecked();
    await context.close();
  });
});
