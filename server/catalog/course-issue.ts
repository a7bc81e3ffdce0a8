/** A problem found in a course file, located precisely enough for a trainer to fix it. */
export interface CourseIssue {
  /** Path relative to the courses folder's parent, e.g. `courses/x/02-y.md`. */
  file: string;
  line: number;
  message: string;
}

export function formatCourseIssue(issue: CourseIssue): string {
  return `${issue.file}:${issue.line} — ${issue.message}`;
}

/** Collects issues for one file, so parsers can report many problems instead of stopping at the first. */
export class IssueList {
  readonly items: CourseIssue[] = [];
  constructor(readonly file: string) {}
  add(line: number, message: string): void {
    // The YAML parser can report one mistake twice; a trainer should read it once.
    if (this.items.some((i) => i.line === line && i.message === message)) return;
    this.items.push({ file: this.file, line, message });
  }
}
