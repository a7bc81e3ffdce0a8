// The job aids are promised on one printed A4 page: each bundled one is laid out to PDF and read back with
// poppler, as the certificate tests do, and an over-long one is an error of the trainers' check command.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkJobAidFits } from '../../server/catalog/check-job-aid-fits.ts';
import type { Catalog } from '../../server/catalog/course.ts';
import { jobAidPdf } from '../../server/catalog/job-aid-pdf.ts';
import { loadCatalog } from '../../server/catalog/load-catalog.ts';
import { loadCourse } from '../../server/catalog/load-course.ts';
import { runPoppler, skipWithoutPoppler } from '../certificates/run-poppler.ts';
import { buildCourse } from './course-builder.ts';

const root = path.resolve(import.meta.dirname, '../..');
let catalog: Catalog;
let work: string;

beforeAll(async () => {
  catalog = (await loadCatalog(path.join(root, 'courses'), root)).catalog;
  work = await mkdtemp(path.join(tmpdir(), 'passerelle-job-aid-'));
});
afterAll(() => rm(work, { recursive: true, force: true }));

async function readPdf(name: string, bytes: Buffer): Promise<{ info: string; text: string }> {
  const file = path.join(work, `${name}.pdf`);
  await writeFile(file, bytes);
  return { info: await runPoppler('pdfinfo', [file]), text: await runPoppler('pdftotext', ['-layout', file, '-']) };
}

const keyLines: Record<string, string[]> = {
  'culture-numerique': [
    'Les autres chemins',
    'Quand une démarche en ligne bloque, avant de renvoyer la personne',
    'Démarche fréquente',
    'France Services',
    'Formulaire papier',
    'À ne pas faire',
    'Mise à jour le',
  ],
  'pratiques-numeriques': [
    'Le traducteur d’usages',
    'Trois questions pour commencer l’accueil',
    'Usage du quotidien',
    'Envoyer un message vocal',
    'Joindre un justificatif',
    'code de confirmation',
    'vérification d’identité',
    'Aidants Connect',
  ],
};

// pdftotext gives the typographic apostrophe as typed (') and wraps table cells: compare words in order.
const words = (text: string) => text.replace(/['’]/g, '’').replace(/\s+/g, ' ');

describe.skipIf(skipWithoutPoppler)('the bundled job aids as PDF', () => {
  it.each(Object.keys(keyLines))('%s prints on one A4 page with its key lines', async (slug) => {
    const course = catalog.bySlug.get(slug)!;
    expect(course.jobAid, `${slug} has a fiche.md`).toBeDefined();
    const { bytes, pages } = await jobAidPdf(course, course.jobAid!, 'Les Ateliers Solidaires');
    expect(pages).toBe(1);
    const { info, text } = await readPdf(slug, bytes);
    expect(info).toMatch(/^Pages:\s+1$/m);
    expect(info).toMatch(/^Page size:\s+595\.28 x 841\.89 pts \(A4\)$/m);
    const flat = words(await runPoppler('pdftotext', [path.join(work, `${slug}.pdf`), '-']));
    for (const line of keyLines[slug]!) expect(flat, line).toContain(words(line));
    // Who it comes from, at the foot of the page.
    expect(text).toContain(`${course.title} — version 2 — Les Ateliers Solidaires`);
  });

  it('lays out headings, emphasis, nested and checked lists, quotes and a table, in French typography', async () => {
    const built = await buildCourse((files) =>
      files.write(
        'fiche.md',
        [
          '---',
          'titre: Fiche d’essai',
          '---',
          '## Avant de commencer',
          '',
          'Un texte avec du **gras**, de l’*italique* et une question ?',
          '',
          '- [ ] une case à cocher',
          '- [x] une case cochée',
          '- un point',
          '  1. un sous-point numéroté',
          '',
          '> Une citation : à garder.',
          '',
          '| Colonne A | Colonne B |',
          '|---|:-:|',
          '| cellule remplie | |',
          '',
          '---',
          '',
          'Fin.',
        ].join('\n'),
      ),
    );
    try {
      const { course, issues } = await loadCourse(built.dir, { displayRoot: built.root });
      expect(issues).toEqual([]);
      const { bytes, pages } = await jobAidPdf(course!, course!.jobAid!, 'Passerelle');
      expect(pages).toBe(1);
      const { text } = await readPdf('features', bytes);
      for (const line of ['Fiche d’essai', 'Avant de commencer', 'une case cochée', 'un sous-point numéroté']) {
        expect(words(text)).toContain(words(line));
      }
      expect(text).toMatch(/☐\s+une case à cocher/);
      expect(text).toMatch(/1\.\s+un sous-point/);
      expect(words(text)).toContain('une question ?');
      expect(words(text)).toContain('Une citation : à garder.');
      const fonts = await runPoppler('pdffonts', [path.join(work, 'features.pdf')]);
      expect(fonts).toContain('DejaVuSans-Bold');
      expect(fonts).toContain('DejaVuSans-Oblique');
    } finally {
      await built.remove();
    }
  });
});

describe('a job aid longer than one page', () => {
  const longSheet = [
    '---',
    'titre: Beaucoup trop long',
    '---',
    '| Démarche | Téléphone | Guichet |',
    '|---|---|---|',
    ...Array.from({ length: 40 }, (_, i) => `| Démarche n° ${i + 1} | | |`),
  ].join('\n');

  it('is an error of the course, at the top of fiche.md, with the number of pages', async () => {
    const built = await buildCourse((files) => files.write('fiche.md', longSheet));
    try {
      const { course } = await loadCourse(built.dir, { displayRoot: built.root });
      const issues = await checkJobAidFits(course!, (file) => `demo/${file}`);
      expect(issues).toEqual([
        {
          file: 'demo/fiche.md',
          line: 1,
          message: expect.stringMatching(/^la fiche prend [2-9] pages .* une seule page A4/),
        },
      ]);
    } finally {
      await built.remove();
    }
  });

  it('fails the trainers’ check command', async () => {
    const built = await buildCourse((files) => files.write('fiche.md', longSheet));
    try {
      const run = promisify(execFile)(
        process.execPath,
        ['--import', 'tsx', 'server/cli/check-courses-cli.ts', built.dir],
        {
          cwd: root,
        },
      );
      const failure = await run.then(
        () => undefined,
        (error: { code: number; stdout: string }) => error,
      );
      expect(failure?.code).toBe(1);
      expect(failure?.stdout).toMatch(/fiche\.md:1 — la fiche prend \d pages/);
      expect(failure?.stdout).toContain('1 erreur(s) à corriger.');
    } finally {
      await built.remove();
    }
  });
});
