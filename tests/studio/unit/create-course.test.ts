import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCourse } from '../../../server/catalog/load-course.ts';
import { CourseSlugTakenError } from '../../../server/studio/errors.ts';
import { createCourse } from '../../../server/studio/use-cases/create-course.ts';
import { listTree } from '../studio-test-app.ts';
import { openStudioContexts } from '../studio-test-context.ts';

const open = openStudioContexts();

describe('createCourse', () => {
  it('creates a draft that validates as it is: a course sheet naming the author and one module', async () => {
    const { ctx, draftsDir } = await open();
    await createCourse(ctx, { title: 'Accueillir', slug: 'accueillir', author: 'Formatrice' });
    const dir = path.join(draftsDir, 'accueillir');
    expect(await listTree(dir)).toEqual(['01-introduction.md', 'course.md', 'images']);
    expect(await readFile(path.join(dir, 'course.md'), 'utf8')).toContain('- Formatrice');
    const { course, issues } = await loadCourse(dir, { displayRoot: draftsDir });
    expect(issues).toEqual([]);
    expect(course?.title).toBe('Accueillir');
  });

  it('refuses the address of an existing course, published or draft', async () => {
    const { ctx } = await open();
    await expect(createCourse(ctx, { title: 'Démo', slug: 'demo', author: 'F' })).rejects.toThrow(CourseSlugTakenError);
    await createCourse(ctx, { title: 'Nouveau', slug: 'nouveau', author: 'F' });
    await expect(createCourse(ctx, { title: 'Encore', slug: 'nouveau', author: 'F' })).rejects.toThrow(
      CourseSlugTakenError,
    );
  });
});
