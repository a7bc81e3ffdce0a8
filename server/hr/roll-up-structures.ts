// Totals per structure roll up the tree: at the network's top, one line per federation; filtered on a
// structure, one line per structure just below it (its link drills down), plus its own direct members.
import { translate } from '../i18n/translate.ts';
import { pathToRoot, type StructureTree } from '../structures/tree.ts';
import {
  type CompletionCounts,
  type CompletionSummary,
  type GroupCounts,
  noCounts,
  summaryOf,
} from './summarize-completions.ts';

export interface RolledUp {
  /** The code whose line counts a row of this structure. */
  keyOf(code: string): string;
  labelOf(key: string): string;
}

export function rollUpUnder(tree: StructureTree, focus: string): RolledUp {
  const keys = new Map<string, string>();
  return {
    keyOf(code) {
      let key = keys.get(code);
      if (key === undefined) {
        const path = pathToRoot(tree, code);
        const at = path.findIndex((node) => node.code === focus);
        key = at > 0 ? path[at - 1]!.code : at === 0 && tree.byCode.has(code) ? focus : code;
        keys.set(code, key);
      }
      return key;
    },
    labelOf(key) {
      const name = tree.byCode.get(key)?.name ?? key;
      return key === focus ? translate('hr.totals.direct', { name }) : name;
    },
  };
}

/**
 * The totals per structure, regrouped into the tree's lines. Both sources count per structure code (the
 * database with GROUP BY), so rolling up adds a few hundred small counts, never the rows again.
 */
export function rollUpSummary(summary: CompletionSummary, rolled: RolledUp): CompletionSummary {
  const lines = new Map<string, GroupCounts>();
  for (const totals of summary.byStructure) {
    const key = rolled.keyOf(totals.key);
    let line = lines.get(key);
    if (!line) {
      line = { key, label: rolled.labelOf(key), counts: noCounts() };
      lines.set(key, line);
    }
    for (const field of Object.keys(line.counts) as (keyof CompletionCounts)[]) line.counts[field] += totals[field];
  }
  return { ...summary, byStructure: summaryOf([], [...lines.values()], noCounts()).byStructure };
}
