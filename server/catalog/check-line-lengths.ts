import type { IssueList } from './course-issue.ts';
import { formatNumberFr } from './format-number-fr.ts';
import { limits } from './limits.ts';

/** Reports every line over the length limit; a file with one is not parsed further. */
export function checkLineLengths(source: string, issues: IssueList): boolean {
  let ok = true;
  let start = 0;
  for (let line = 1; start <= source.length; line++) {
    const end = source.indexOf('\n', start);
    const length = (end === -1 ? source.length : end) - start;
    if (length > limits.lineChars) {
      issues.add(
        line,
        `ligne trop longue (${formatNumberFr(length)} caractères, au plus ${formatNumberFr(limits.lineChars)}) : coupez-la en plusieurs lignes ou paragraphes.`,
      );
      ok = false;
    }
    if (end === -1) break;
    start = end + 1;
  }
  return ok;
}
