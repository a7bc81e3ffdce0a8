import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { formatCourseIssue } from '../../server/catalog/course-issue.ts';
import { loadCourse } from '../../server/catalog/load-course.ts';
import { fixturesDir } from '../helpers/test-config.ts';

// One folder per authoring mistake, each a small course with that one mistake and, in expected-issues.txt,
// every issue the checker must report, exactly as the trainer reads it (file:line — message).
const corpusDir = path.join(fixturesDir, 'courses/malformed');
const cases = (await readdir(corpusDir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name);

async function expectedIssues(name: string): Promise<string[]> {
  const text = await readFile(path.join(corpusDir, name, 'expected-issues.txt'), 'utf8');
  return text.split('\n').filter((line) => line !== '');
}

describe('malformed-course corpus', () => {
  it('holds one folder per mistake the issue lists', () => {
    expect(cases).toEqual(
      expect.arrayContaining([
        'glued-radio-marker',
        'glued-checkbox-marker',
        'heading-questions',
        'heading-level-three',
        'heading-quiz-du-module',
        'mixed-choice-kinds',
        'explanation-before-choices',
        'windows-1252',
        'cover-alt-missing',
        'missing-course-md',
        'retry-delay-unreadable',
        'objective-unknown',
        'objective-unreadable',
        'positioning-question-untagged',
        'positioning-objective-not-in-final',
        'positioning-several-attempts',
        'positioning-not-first',
      ]),
    );
  });

  it.each(cases)('%s: refused, with its exact file:line and message', async (name) => {
    const { course, issues } = await loadCourse(path.join(corpusDir, name), { displayRoot: corpusDir });
    expect(course).toBeUndefined();
    expect(issues.map(formatCourseIssue)).toEqual(await expectedIssues(name));
  });

  // A message that says « Écrivez « … » » gives the line to type: typed as written, the course is valid.
  const typedFix = /Écrivez (?:le titre exactement |par exemple )?« (.+?) »(?: \(| pour|\.|$)/;
  const addedLine = /ajoutez la ligne « (.+?) »/;
  it.each(cases)('%s: the fix the message gives works when typed as written', async (name) => {
    const [issue] = (await loadCourse(path.join(corpusDir, name), { displayRoot: corpusDir })).issues;
    const replace = issue && typedFix.exec(issue.message);
    const add = issue && addedLine.exec(issue.message);
    if (!issue || (!replace && !add)) return; // the fix is an instruction (move a line, save as UTF-8…)
    const root = await mkdtemp(path.join(os.tmpdir(), 'passerelle-fix-'));
    onTestFinished(() => rm(root, { recursive: true, force: true }));
    await cp(path.join(corpusDir, name), path.join(root, name), { recursive: true });
    const file = path.join(root, issue.file);
    const lines = (await readFile(file, 'utf8')).split('\n');
    if (replace) {
      const indent = /^\s*/.exec(lines[issue.line - 1]!)![0];
      lines[issue.line - 1] = indent + replace[1]!;
    } else lines.splice(issue.line, 0, add![1]!);
    await writeFile(file, lines.join('\n'));
    const fixed = await loadCourse(path.join(root, name), { displayRoot: root });
    expect(fixed.issues.map(formatCourseIssue)).toEqual([]);
    expect(fixed.course?.modules[0]?.quiz?.questions).toHaveLength(3);
  });
});
