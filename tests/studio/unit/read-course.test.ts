import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../../../server/shared/errors.ts';
import { ensureDraft } from '../../../server/studio/ensure-draft.ts';
import { CourseInvalidError } from '../../../server/studio/errors.ts';
import { authoringGuideHtml } from '../../../server/studio/use-cases/authoring-guide-html.ts';
import { courseOverview } from '../../../server/studio/use-cases/course-overview.ts';
import { createCourse } from '../../../server/studio/use-cases/create-course.ts';
import { listStudioCourses } from '../../../server/studio/use-cases/list-studio-courses.ts';
import { moduleToChange } from '../../../server/studio/use-cases/module-to-change.ts';
import { openEditor } from '../../../server/studio/use-cases/open-editor.ts';
import { previewCourseFile } from '../../../server/studio/use-cases/preview-course-file.ts';
import { previewModule } from '../../../server/studio/use-cases/preview-module.ts';
import { openStudioContexts } from '../studio-test-context.ts';

const open = openStudioContexts();

async function breakModule(draft: string, file: string) {
  const source = await readFile(path.join(draft, file), 'utf8');
  await writeFile(path.join(draft, file), source.replace('titre:', 'tite:'));
}

describe('listStudioCourses', () => {
  it('lists published courses and drafts, with their state', async () => {
    const { ctx } = await open();
    await createCourse(ctx, { title: 'Nouvelle', slug: 'nouvelle', author: 'F' });
    expect(await listStudioCourses(ctx)).toEqual([
      { slug: 'demo', title: 'Cours de démonstration', publishedVersion: 2, publishedBroken: false, hasDraft: false },
      { slug: 'nouvelle', title: 'Nouvelle', publishedVersion: undefined, publishedBroken: false, hasDraft: true },
    ]);
  });
});

describe('courseOverview', () => {
  it('gives the course’s state, modules, images and what blocks publication', async () => {
    const { ctx } = await open();
    const overview = await courseOverview(ctx, 'demo');
    expect(overview).toMatchObject({ hasDraft: false, isPublished: true, publishedVersion: 2, issues: [] });
    expect(overview.modules.map((m) => m.file)).toEqual(['01-premier.md', '02-evaluation.md']);
    expect(overview.images).toEqual(['images/couverture.png']);
    await breakModule(await ensureDraft(ctx, 'demo'), '01-premier.md');
    expect((await courseOverview(ctx, 'demo')).issues[0]).toMatchObject({ file: 'demo/01-premier.md', line: 2 });
    await expect(courseOverview(ctx, 'inconnu')).rejects.toThrow(NotFoundError);
  });
});

describe('openEditor and previewCourseFile', () => {
  it('previews unsaved text as learners would get it, without writing it', async () => {
    const { ctx, coursesDir } = await open();
    const saved = await readFile(path.join(coursesDir, 'demo/01-premier.md'), 'utf8');
    const source = saved.replace('Une autre idée.', 'Une idée à l’essai.');
    const editor = await openEditor(ctx, 'demo', '01-premier.md', source);
    expect(editor).toMatchObject({ source, unsaved: true, hasDraft: false });
    expect(editor.module?.slug).toBe('premier');
    expect(editor.preview.course?.modules[editor.preview.moduleIndex]?.htmlBefore).toContain('Une idée à l’essai.');
    expect(await readFile(path.join(coursesDir, 'demo/01-premier.md'), 'utf8')).toBe(saved);
    await expect(openEditor(ctx, 'demo', '09-absent.md')).rejects.toThrow(NotFoundError);
  });

  it('renders a module alone when another module has errors', async () => {
    const { ctx } = await open();
    await breakModule(await ensureDraft(ctx, 'demo'), '02-evaluation.md');
    const preview = await previewCourseFile(ctx, 'demo', '01-premier.md');
    expect(preview).toMatchObject({ isolated: true, moduleIndex: 0, fileIssues: [] });
    expect(preview.otherIssues[0]?.file).toBe('demo/02-evaluation.md');
  });
});

describe('previewModule', () => {
  it('gives the saved module as learners will get it, or its own errors', async () => {
    const { ctx } = await open();
    expect(await previewModule(ctx, 'demo', 'premier')).toMatchObject({ index: 0, file: '01-premier.md' });
    await breakModule(await ensureDraft(ctx, 'demo'), '01-premier.md');
    const refusal = await previewModule(ctx, 'demo', 'premier').catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(CourseInvalidError);
    expect((refusal as CourseInvalidError).issues[0]?.line).toBe(2);
    await expect(previewModule(ctx, 'demo', 'inconnu')).rejects.toThrow(NotFoundError);
  });
});

describe('moduleToChange', () => {
  it('finds the module and says whether learners have it', async () => {
    const { ctx } = await open();
    expect(await moduleToChange(ctx, 'demo', '01-premier.md')).toMatchObject({
      module: { slug: 'premier' },
      isPublished: true,
    });
    await expect(moduleToChange(ctx, 'demo', '03-absent.md')).rejects.toThrow(NotFoundError);
  });
});

describe('authoringGuideHtml', () => {
  it('renders the authoring guide of the repository', async () => {
    expect(await authoringGuideHtml()).toContain('seuil_reussite');
  });
});
