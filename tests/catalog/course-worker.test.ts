import path from 'node:path';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { checkCourseInWorker } from '../../server/catalog/check-course-in-worker.ts';
import { CourseTooSlowError } from '../../server/catalog/course-too-slow-error.ts';
import { CourseWorkerPool } from '../../server/catalog/course-worker-pool.ts';
import { loadCourse } from '../../server/catalog/load-course.ts';
import { renderCourseNow } from '../../server/catalog/render-course-now.ts';
import { renderMarkdown } from '../../server/catalog/render-markdown.ts';
import { renderPreviewInWorker } from '../../server/catalog/render-preview-in-worker.ts';
import { RejectedContentError, UnavailableError } from '../../server/shared/errors.ts';
import { buildCourse, validCourseDir } from './course-builder.ts';

const pool = new CourseWorkerPool({ size: 1 });
afterAll(() => pool.close());
const ctx = { assetBase: '/courses/demo/assets/', moduleBase: '/courses/demo/' };
/** Text marked needs seconds to render (a 100 KB line of emphasis marks): the validator refuses it. */
const slowMarkdown = '_a'.repeat(50_000);

/** Measures the longest time the main thread went without running a timer while `work` was pending. */
async function longestStall<T>(work: Promise<T>): Promise<number> {
  let last = performance.now();
  let longest = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 10);
  await work.catch(() => {});
  clearInterval(ticker);
  return longest;
}

describe('course checks in a worker thread', () => {
  it('give the course loadCourse gives, already rendered', async () => {
    const options = { displayRoot: path.dirname(validCourseDir) };
    const inWorker = await checkCourseInWorker(validCourseDir, { ...options, pool });
    const inProcess = await loadCourse(validCourseDir, options);
    expect(inWorker.issues).toEqual([]);
    expect(inWorker.course).toEqual(renderCourseNow(inProcess.course!));
    expect(inWorker.course?.modules[0]?.htmlBefore).toContain('<h2 id="en-bref">En bref</h2>');
  });

  it('give the issues of a broken course as results', async () => {
    const built = await buildCourse((f) => f.replace('01-premier.md', "- (x) Je m'intéresse", "- ( ) Je m'intéresse"));
    onTestFinished(built.remove);
    const { course, issues } = await checkCourseInWorker(built.dir, { displayRoot: built.root, pool });
    expect(course).toBeUndefined();
    expect(issues).toEqual((await loadCourse(built.dir, { displayRoot: built.root })).issues);
  });

  it('render a preview as renderMarkdown does', async () => {
    const markdown = '## Titre\n\nDu **texte** et ![Atelier](images/a.png).';
    expect(await renderPreviewInWorker(markdown, ctx, { pool })).toEqual(renderMarkdown(markdown, ctx));
  });

  it('stop a preview past its deadline, naming the file, while the main thread keeps running', async () => {
    const preview = renderPreviewInWorker(
      slowMarkdown,
      { ...ctx, file: 'demo/01-premier.md' },
      { pool, deadlineMs: 300 },
    );
    const stall = longestStall(preview);
    const error = await preview.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CourseTooSlowError);
    expect(error).toBeInstanceOf(RejectedContentError);
    expect((error as Error).message).toBe(
      'Ce cours est trop long à analyser (plus de 0,3 s) : le fichier « demo/01-premier.md » en est la cause probable. Raccourcissez-le ou découpez-le en plusieurs modules.',
    );
    expect(await stall).toBeLessThan(250);
  });

  it('go on with a new worker after one was stopped', async () => {
    await expect(renderPreviewInWorker(slowMarkdown, ctx, { pool, deadlineMs: 100 })).rejects.toThrow(
      'Ce cours est trop long à analyser (plus de 0,1 s). Raccourcissez ses textes',
    );
    expect((await renderPreviewInWorker('*bien*', ctx, { pool })).html).toBe('<p><em>bien</em></p>\n');
  });

  it('stop a course check past its deadline, naming the module being read or rendered', async () => {
    // Within every limit, but about a second of rendering on a busy machine.
    const heavy = Array.from({ length: 1500 }, () => 'www.exemple.fr '.repeat(6)).join('\n\n');
    const built = await buildCourse((f) =>
      f.write('01-premier.md', `---\ntitre: M\nobjectifs: [o]\nduree: 5\n---\n${heavy}\n`),
    );
    onTestFinished(built.remove);
    expect((await loadCourse(built.dir, { displayRoot: built.root })).issues).toEqual([]);
    const error = await checkCourseInWorker(built.dir, { displayRoot: built.root, pool, deadlineMs: 150 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CourseTooSlowError);
    expect((error as CourseTooSlowError).file).toBe('demo/01-premier.md');
  });
});

describe('a course worker pool', () => {
  it('fails the task in progress and refuses new ones once closed', async () => {
    const closing = new CourseWorkerPool({ size: 1 });
    await renderPreviewInWorker('prêt', ctx, { pool: closing });
    // The outcome is taken before closing: the rejection comes while `close` runs.
    const running = renderPreviewInWorker(slowMarkdown, ctx, { pool: closing, deadlineMs: 10_000 }).catch(
      (e: unknown) => e,
    );
    await closing.close();
    expect(await running).toBeInstanceOf(UnavailableError);
    await expect(renderPreviewInWorker('après', ctx, { pool: closing })).rejects.toBeInstanceOf(UnavailableError);
  });
});
