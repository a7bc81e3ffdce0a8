import type { IssueList } from './course-issue.ts';
import { formatNumberFr } from './format-number-fr.ts';
import { limits } from './limits.ts';
import { linesOutsideCodeFences } from './lines-outside-code-fences.ts';

/**
 * Counts the emphasis marks of a Markdown body outside code fences and reports the line where they pass the
 * limit: marked matches emphasis in a time that grows faster than the number of marks.
 */
export function checkEmphasisMarks(body: string, firstLine: number, issues: IssueList): boolean {
  let marks = 0;
  for (const [i, line] of linesOutsideCodeFences(body.split('\n'))) {
    for (let c = 0; c < line.length; c++) {
      const code = line.charCodeAt(c);
      if (code === 42 || code === 95 || code === 126) marks++; // * _ ~
    }
    if (marks > limits.emphasisMarks) {
      issues.add(
        firstLine + i,
        `trop de marques de mise en forme (*, _ ou ~) dans ce fichier : au plus ${formatNumberFr(limits.emphasisMarks)}. Retirez celles qui ne servent pas ou découpez le module.`,
      );
      return false;
    }
  }
  return true;
}
