import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { loadCatalog } from '../../server/catalog/load-catalog.ts';
import { buildCourse } from './course-builder.ts';

describe('catalog loader', () => {
  it('serves the valid courses and leaves a broken one out, reporting why', async () => {
    const valid = await buildCourse();
    onTestFinished(valid.remove);
    await buildCourse((f) => f.replace('01-premier.md', "- (x) Je m'intéresse", "- ( ) Je m'intéresse"), {
      root: valid.root,
      slug: 'casse',
    });
    const { catalog, issues } = await loadCatalog(valid.root, valid.root);
    expect(catalog.courses.map((c) => c.slug)).toEqual(['demo']);
    expect(catalog.bySlug.get('demo')?.modules).toHaveLength(2);
    expect(issues).toEqual([
      { file: 'casse/01-premier.md', line: 23, message: expect.stringMatching(/aucune bonne réponse/) },
    ]);
  });

  it('returns an empty catalog when the folder does not exist', async () => {
    const { catalog, issues } = await loadCatalog(path.join(os.tmpdir(), 'passerelle-absent-folder'));
    expect(catalog.courses).toEqual([]);
    expect(issues).toEqual([]);
  });

  it('survives pathological Markdown without hanging or crashing', async () => {
    const built = await buildCourse();
    onTestFinished(built.remove);
    const hostile = `---\ntitre: x\nobjectifs: [a]\nduree: 5\n---\n${'>'.repeat(2000)} a\n${Array.from({ length: 150 }, (_, i) => `${' '.repeat(i * 2)}- x`).join('\n')}\n`;
    await writeFile(path.join(built.dir, '01-premier.md'), hostile);
    const { catalog, issues } = await loadCatalog(built.root, built.root);
    expect(catalog.courses).toEqual([]);
    expect(issues[0]?.message).toMatch(/imbrication trop profonde/);
  });
});
