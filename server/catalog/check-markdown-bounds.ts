import { checkEmphasisMarks } from './check-emphasis-marks.ts';
import { checkNesting } from './check-nesting.ts';
import type { IssueList } from './course-issue.ts';

/** The bounds a Markdown body must keep before it is checked further and rendered (see limits.ts). */
export function checkMarkdownBounds(body: string, firstLine: number, issues: IssueList): boolean {
  const nested = checkNesting(body, firstLine, issues);
  const marked = checkEmphasisMarks(body, firstLine, issues);
  return nested && marked;
}
