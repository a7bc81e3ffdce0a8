import type { CourseIssue } from '../../catalog/course-issue.ts';
import { isCourseFileName } from '../course-file-name.ts';

export interface PresentedIssue {
  /** `01-intro.md`, relative to the course folder. */
  file: string;
  line: number;
  message: string;
  /** The editor of that file, when it is one the studio edits. */
  href: string | undefined;
}

/**
 * Issues name files relative to the folder above the course (`<slug>/01-intro.md`); the studio shows them
 * relative to the course and links each to its editor.
 */
export function presentIssues(issues: readonly CourseIssue[], slug: string): PresentedIssue[] {
  return issues.map((issue) => {
    const file = issue.file.startsWith(`${slug}/`) ? issue.file.slice(slug.length + 1) : issue.file;
    return {
      file,
      line: issue.line,
      message: issue.message,
      href: isCourseFileName(file) ? `/studio/courses/${slug}/files/${file}#source` : undefined,
    };
  });
}
