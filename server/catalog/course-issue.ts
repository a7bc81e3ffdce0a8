/** A problem found in a course file, located precisely enough for a trainer to fix it. */
export interface CourseIssue {
  /** Path relative to the courses folder's parent, e.g. `courses/x/02-y.md`. */
  file: string;
  /** 1-based; 0 when the issue is about a file or folder as a whole (a missing file has no line). */
  line: number;
  message: string;
}

export function formatCourseIssue(issue: CourseIssue): string {
  return issue.line > 0 ? `${issue.file}:${issue.line} — ${issue.message}` : `${issue.file} — ${issue.message}`;
}

/** Issues listed per file; past it, one line says more follow (a file of stray lines would list thousands). */
const listedPerFile = 100;

/** Collects issues for one file, so parsers can report many problems instead of stopping at the first. */
export class IssueList {
  readonly items: CourseIssue[] = [];
  private readonly seen = new Set<string>();
  constructor(readonly file: string) {}

  /** How many distinct issues were added, listed or not. */
  get count(): number {
    return this.seen.size;
  }

  add(line: number, message: string): void {
    // The YAML parser can report one mistake twice; a trainer should read it once.
    const key = `${line}\n${message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    if (this.items.length < listedPerFile) this.items.push({ file: this.file, line, message });
    else if (this.items.length === listedPerFile)
      this.items.push({
        file: this.file,
        line,
        message: 'd’autres problèmes suivent dans ce fichier : corrigez ceux-ci, puis vérifiez à nouveau.',
      });
  }
}
