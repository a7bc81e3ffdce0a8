import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CourseIssue } from '../../catalog/course-issue.ts';
import { limits } from '../../catalog/limits.ts';
import type { DocQuiz } from '../../gift/quiz-document.ts';
import { readQuizSource } from '../../gift/read-quiz-source.ts';
import { writeGift } from '../../gift/write-gift.ts';
import { resolveCourseDir } from '../course-dir-state.ts';
import { CourseInvalidError, NoQuizError } from '../errors.ts';
import { getFrontMatterField } from '../front-matter-field.ts';
import { listModuleFiles } from '../list-module-files.ts';
import type { StudioContext } from '../studio-context.ts';

/**
 * A course's quizzes (its draft, published course or a kept version) as one GIFT file for Moodle: a
 * category per module. Refused, with the lines, when a quiz has lines it cannot read.
 */
export async function exportCourseGift(ctx: StudioContext, slug: string, which: string): Promise<string> {
  const dir = await resolveCourseDir(ctx, slug, which);
  const sheet = await readFile(path.join(dir, 'course.md'), 'utf8').catch(() => '');
  const title = getFrontMatterField(sheet, 'titre');
  const quizzes: { moduleTitle: string; quiz: DocQuiz }[] = [];
  const issues: CourseIssue[] = [];
  for (const module of await listModuleFiles(dir)) {
    const source = await readFile(path.join(dir, module.file), 'utf8');
    if (source.length > limits.markdownBytes) continue; // the course checker refuses such a file already
    const read = readQuizSource(source);
    if (!read) continue;
    issues.push(...read.issues.map((issue) => ({ file: module.file, ...issue })));
    if (read.questions.length > 0)
      quizzes.push({ moduleTitle: module.title, quiz: { title: read.title, questions: read.questions } });
  }
  if (issues.length > 0) throw new CourseInvalidError('studio.gift.sourceIssues', issues);
  if (quizzes.length === 0) throw new NoQuizError();
  return writeGift(typeof title === 'string' && title.trim() ? title.trim() : slug, quizzes);
}
