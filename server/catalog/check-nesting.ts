import type { IssueList } from './course-issue.ts';
import { limits } from './limits.ts';

const containerPrefix = /^(?:\s*(?:>|[-*+](?=\s)|\d{1,9}[.)](?=\s))\s*)+/;

/**
 * Reports lines nested deeper than the limit (quotes in quotes, lists in lists), measured on the raw text
 * before marked sees it. Indentation counts as list nesting too.
 */
export function checkNesting(body: string, firstLine: number, issues: IssueList): boolean {
  let ok = true;
  body.split('\n').forEach((line, i) => {
    const prefix = containerPrefix.exec(line)?.[0] ?? '';
    const markers = (prefix.match(/>|[-*+](?=\s)|\d{1,9}[.)](?=\s)/g) ?? []).length;
    const indentLevels = Math.floor((line.length - line.trimStart().length) / 4);
    if (markers + indentLevels > limits.nestingDepth) {
      issues.add(
        firstLine + i,
        `imbrication trop profonde (plus de ${limits.nestingDepth} niveaux de listes ou de citations).`,
      );
      ok = false;
    }
  });
  return ok;
}
