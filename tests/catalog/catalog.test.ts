import { cp, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../server/catalog/load-catalog.ts';
import { fixturesDir } from '../helpers/test-config.ts';

describe('catalog loader', () => {
  it('serves the valid courses and leaves a broken one out, reporting why', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'passerelle-catalog-'));
    await cp(path.join(fixturesDir, 'courses/valid/demo'), path.join(dir, 'demo'), { recursive: true });
    await cp(path.join(fixturesDir, 'courses/no-correct-answer/demo'), path.join(dir, 'casse'), { recursive: true });
    const { catalog, issues } = await loadCatalog(dir, dir);
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
    const dir = await mkdtemp(path.join(os.tmpdir(), 'passerelle-hostile-'));
    await cp(path.join(fixturesDir, 'courses/valid/demo'), path.join(dir, 'demo'), { recursive: true });
    const hostile = `---\ntitre: x\nobjectifs: [a]\nduree: 5\n---\n${'>'.repeat(2000)} a\n${Array.from({ length: 150 }, (_, i) => `${' '.repeat(i * 2)}- x`).join('\n')}\n`;
    await writeFile(path.join(dir, 'demo', '01-premier.md'), hostile);
    const { catalog, issues } = await loadCatalog(dir, dir);
    expect(catalog.courses).toEqual([]);
    expect(issues[0]?.message).toMatch(/imbrication trop profonde/);
  });
});
