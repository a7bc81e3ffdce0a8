import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { pagesDir, type RecordedPage, resultsDir } from './helpers/audit.ts';
import { learnerPageBudget } from './helpers/page-checks.ts';
import { fileOf, formatNuMessage, type NuMessage, runNuChecker } from './helpers/vnu.ts';

// Runs after every journey (see vitest.e2e.config.ts): reads what they recorded in test-results/e2e-pages.

const invalidPage = `<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><title>Page invalide</title></head>
<body><main><h1 id="titre">Page invalide</h1><p id="titre">Un identifiant en double.</p>
<img src="photo.png"><p><span>Une balise fermée deux fois.</span></span></p></main></body>
</html>`;

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} ko`;

/** Ids and tokens change at every run: a long segment with a digit or a capital letter becomes `:id`. */
const pattern = (pathname: string) =>
  pathname
    .split('/')
    .map((segment) => (segment.length >= 16 && /[0-9A-Z]/.test(segment) ? ':id' : segment))
    .join('/');

/** One line per distinct page (address and status), the heaviest of its visits; learner pages first. */
function weightTable(pages: RecordedPage[]): string {
  const heaviest = new Map<string, RecordedPage>();
  for (const page of pages) {
    const key = `${page.learner ? 'a' : 'b'} ${pattern(page.path)} ${page.status}`;
    const known = heaviest.get(key);
    if (!known || known.weight.total < page.weight.total) heaviest.set(key, page);
  }
  const rows = [...heaviest.entries()].sort(([a], [b]) => a.localeCompare(b, 'fr'));
  return [
    '| page | adresse | statut | HTML | CSS | JS | total | budget 30 ko |',
    '|---|---|---:|---:|---:|---:|---:|---|',
    ...rows.map(([, p]) => {
      const budget = p.learner ? (p.weight.total < learnerPageBudget ? 'ok' : 'DÉPASSÉ') : '— (personnel)';
      const { html, css, js, total } = p.weight;
      return `| ${p.name} | ${pattern(p.path)} | ${p.status} | ${kb(html)} | ${kb(css)} | ${kb(js)} | ${kb(total)} | ${budget} |`;
    }),
  ].join('\n');
}

describe('site report', () => {
  let pages: RecordedPage[] = [];
  let errors: NuMessage[] = [];
  const selfTest = path.join(pagesDir, '_self-test', 'invalid.html');

  beforeAll(async () => {
    const manifests = (await readdir(pagesDir).catch(() => [])).filter((name) => name.endsWith('.json'));
    for (const name of manifests)
      pages.push(...(JSON.parse(await readFile(path.join(pagesDir, name), 'utf8')) as RecordedPage[]));
    pages = pages.sort((a, b) => a.file.localeCompare(b.file));
    await mkdir(path.dirname(selfTest), { recursive: true });
    await writeFile(selfTest, invalidPage);
    // One run of the checker for everything: the JVM takes seconds to start.
    errors = await runNuChecker([selfTest, ...pages.map((p) => p.file)]);
  }, 180_000);

  it('the Nu HTML checker reports invalid HTML (the check can fail)', () => {
    const found = errors.filter((e) => fileOf(e) === selfTest).map((e) => e.message);
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/Duplicate ID “titre”/),
        expect.stringMatching(/An “img” element must have an “alt” attribute/),
        expect.stringMatching(/Stray end tag “span”/),
      ]),
    );
  });

  it('every page the journeys showed is valid HTML', () => {
    expect(pages.length, 'no page recorded: run the whole browser suite (npm run test:e2e)').toBeGreaterThan(0);
    const problems = errors.filter((e) => fileOf(e) !== selfTest).map(formatNuMessage);
    expect(problems, `Nu HTML checker errors on ${pages.length} pages`).toEqual([]);
  });

  it('reports the weight of every page; learner pages stay under 30 ko (HTML + CSS + JS)', async () => {
    const table = weightTable(pages);
    await writeFile(path.join(resultsDir, 'page-weights.md'), `${table}\n`);
    console.log(`Poids des pages (HTML + CSS + JS, images exceptées) :\n${table}`);
    const over = pages.filter((p) => p.learner && p.weight.total >= learnerPageBudget);
    expect(over.map((p) => `${p.name} (${p.path}): ${p.weight.total} bytes`)).toEqual([]);
  });
});
