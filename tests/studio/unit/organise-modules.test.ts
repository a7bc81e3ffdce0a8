import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../../../server/shared/errors.ts';
import { LastModuleError, ModuleSlugTakenError } from '../../../server/studio/errors.ts';
import { addModule } from '../../../server/studio/use-cases/add-module.ts';
import { deleteModule } from '../../../server/studio/use-cases/delete-module.ts';
import { moveModule } from '../../../server/studio/use-cases/move-module.ts';
import { renameModule } from '../../../server/studio/use-cases/rename-module.ts';
import { listTree } from '../studio-test-app.ts';
import { openStudioContexts } from '../studio-test-context.ts';

const open = openStudioContexts();

const markdownIn = async (dir: string) => (await listTree(dir)).filter((f) => f.endsWith('.md'));

describe('addModule', () => {
  it('adds the module before the final assessment, in a draft copy of the published course', async () => {
    const { ctx, draftsDir, coursesDir } = await open();
    expect(await addModule(ctx, 'demo', { title: 'Les biais', moduleSlug: 'les-biais' })).toBe('02-les-biais.md');
    const draft = path.join(draftsDir, 'demo');
    expect(await markdownIn(draft)).toEqual(['01-premier.md', '02-les-biais.md', '03-evaluation.md', 'course.md']);
    expect(await readFile(path.join(draft, '02-les-biais.md'), 'utf8')).toContain('titre: Les biais');
    expect(await markdownIn(path.join(coursesDir, 'demo'))).toEqual(['01-premier.md', '02-evaluation.md', 'course.md']);
  });

  it('refuses a slug another module of the course has', async () => {
    const { ctx } = await open();
    await expect(addModule(ctx, 'demo', { title: 'Encore', moduleSlug: 'premier' })).rejects.toThrow(
      ModuleSlugTakenError,
    );
  });
});

describe('renameModule', () => {
  it('changes the title line and the file name, keeping the number', async () => {
    const { ctx, draftsDir } = await open();
    const file = await renameModule(ctx, 'demo', '01-premier.md', { title: 'Découvrir', moduleSlug: 'decouvrir' });
    expect(file).toBe('01-decouvrir.md');
    expect(await readFile(path.join(draftsDir, 'demo/01-decouvrir.md'), 'utf8')).toMatch(/^---\ntitre: Découvrir\n/);
  });

  it('refuses the slug of another module, and an unknown module', async () => {
    const { ctx } = await open();
    await expect(renameModule(ctx, 'demo', '01-premier.md', { title: 'X', moduleSlug: 'evaluation' })).rejects.toThrow(
      ModuleSlugTakenError,
    );
    await expect(renameModule(ctx, 'demo', '07-absent.md', { title: 'X', moduleSlug: 'x' })).rejects.toThrow(
      NotFoundError,
    );
  });
});

describe('moveModule', () => {
  it('swaps a module with its neighbour and renumbers the files; past either end nothing moves', async () => {
    const { ctx, draftsDir } = await open();
    await moveModule(ctx, 'demo', '01-premier.md', 'up');
    expect(await markdownIn(path.join(draftsDir, 'demo'))).toEqual(['01-premier.md', '02-evaluation.md', 'course.md']);
    await moveModule(ctx, 'demo', '01-premier.md', 'down');
    expect(await markdownIn(path.join(draftsDir, 'demo'))).toEqual(['01-evaluation.md', '02-premier.md', 'course.md']);
    await expect(moveModule(ctx, 'demo', '05-absent.md', 'up')).rejects.toThrow(NotFoundError);
  });
});

describe('deleteModule', () => {
  it('removes the module from the draft only, and never the last one', async () => {
    const { ctx, draftsDir, coursesDir } = await open();
    await deleteModule(ctx, 'demo', '02-evaluation.md');
    expect(await markdownIn(path.join(draftsDir, 'demo'))).toEqual(['01-premier.md', 'course.md']);
    expect(await markdownIn(path.join(coursesDir, 'demo'))).toContain('02-evaluation.md');
    await expect(deleteModule(ctx, 'demo', '01-premier.md')).rejects.toThrow(LastModuleError);
  });
});
