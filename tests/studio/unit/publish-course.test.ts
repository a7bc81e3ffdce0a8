import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AppStore } from '../../../server/store/app-collections.ts';
import { ensureDraft } from '../../../server/studio/ensure-draft.ts';
import { CourseInvalidError, NothingToPublishError } from '../../../server/studio/errors.ts';
import { publishCourse } from '../../../server/studio/use-cases/publish-course.ts';
import { listTree } from '../studio-test-app.ts';
import { openStudioContexts, trainer } from '../studio-test-context.ts';

const open = openStudioContexts();

/** A store whose writes fail (disk full, store closed): reads still work. */
const failingWrites = (store: AppStore) =>
  ({
    findBy: (...args: Parameters<AppStore['findBy']>) => store.findBy(...args),
    get: (...args: Parameters<AppStore['get']>) => store.get(...args),
    all: (...args: Parameters<AppStore['all']>) => store.all(...args),
    transact: () => Promise.reject(new Error('disque plein')),
  }) as unknown as AppStore;

async function editDraft(ctx: Parameters<typeof ensureDraft>[0], edit: (source: string) => string) {
  const file = path.join(await ensureDraft(ctx, 'demo'), '01-premier.md');
  await writeFile(file, edit(await readFile(file, 'utf8')));
  return file;
}

describe('publishCourse', () => {
  it('publishes the draft as the next version, records it and shows it in the catalog', async () => {
    const { ctx, store, holder, coursesDir } = await open();
    await editDraft(ctx, (s) => s.replace('Une autre idée.', 'Une idée publiée.'));
    const course = await publishCourse(ctx, 'demo', trainer);
    expect(course.version).toBe(3);
    expect(holder.get().bySlug.get('demo')?.version).toBe(3);
    expect(await readFile(path.join(coursesDir, 'demo/01-premier.md'), 'utf8')).toContain('Une idée publiée.');
    const rows = await store.findBy('courseVersions', 'course', 'demo');
    expect(rows.map((r) => [r.version, r.publishedByName]).sort()).toEqual([
      [2, null],
      [3, 'Formatrice'],
    ]);
  });

  it('refuses when there is no draft, with nothing to publish', async () => {
    const { ctx } = await open();
    await expect(publishCourse(ctx, 'demo', trainer)).rejects.toThrow(NothingToPublishError);
  });

  it('refuses a draft that does not validate, with the validator’s issues, and publishes nothing', async () => {
    const { ctx, coursesDir, store } = await open();
    const before = await listTree(coursesDir);
    await editDraft(ctx, (s) => s.replace('   - (x) Je m', '   - ( ) Je m'));
    const refusal = await publishCourse(ctx, 'demo', trainer).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(CourseInvalidError);
    expect((refusal as CourseInvalidError).messageKey).toBe('studio.refused.invalidOne');
    expect((refusal as CourseInvalidError).issues).toHaveLength(1);
    expect(await listTree(coursesDir)).toEqual(before);
    expect(await store.count('courseVersions')).toBe(0);
  });

  it('rolls the published folder back when the version cannot be recorded', async () => {
    const { ctx, coursesDir, holder } = await open({ wrapStore: failingWrites });
    const before = await listTree(coursesDir);
    const published = await readFile(path.join(coursesDir, 'demo/01-premier.md'), 'utf8');
    const draft = await editDraft(ctx, (s) => s.replace('Une autre idée.', 'Jamais publiée.'));

    await expect(publishCourse(ctx, 'demo', trainer)).rejects.toThrow('disque plein');

    expect(await readFile(path.join(coursesDir, 'demo/01-premier.md'), 'utf8')).toBe(published);
    expect(await listTree(coursesDir)).toEqual(before);
    expect(await readdir(coursesDir)).toEqual(['demo']);
    expect(holder.get().bySlug.get('demo')?.version).toBe(2);
    // The draft is kept, so nothing the trainer wrote is lost.
    expect(await readFile(draft, 'utf8')).toContain('Jamais publiée.');
  });
});
