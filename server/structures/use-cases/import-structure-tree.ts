import { recordAudit } from '../../audit/record-audit.ts';
import { translate } from '../../i18n/translate.ts';
import { fold } from '../../shared/fold.ts';
import { detectDelimiter, readRecords } from '../../shared/read-csv.ts';
import type { AppStore } from '../../store/app-collections.ts';
import { type StructureCsvError, StructureListRejectedError } from '../errors.ts';
import { closeCodes, loadTree } from '../queries.ts';
import { rootCode } from '../schema.ts';
import { NewStructure } from '../structure-input.ts';
import { buildTree, type StructureTree } from '../tree.ts';
import { writeStructure } from '../tree-revision.ts';

/** One import is one transaction and one page of results; a network of a few thousand fits. */
export const maxStructureRows = 5000;

const columnOf: Record<string, 'code' | 'name' | 'parent'> = {
  code: 'code',
  nom: 'name',
  name: 'name',
  parent: 'parent',
  codeparent: 'parent',
};

interface TreeLine {
  line: number;
  code: string;
  name: string;
  parent: string;
}

/**
 * Creates or updates structures from a CSV (code ; nom ; parent), all or nothing: a parent may be a
 * structure already there or one defined anywhere in the file; a line that would make a cycle, an
 * unknown parent or a bad code is reported with its line number, and nothing is written.
 */
export async function importStructureTree(
  store: AppStore,
  csv: string,
  actorId: string | null,
  now: Date,
): Promise<{ created: number; updated: number }> {
  const tree = await loadTree(store);
  const { lines, errors } = readTreeCsv(csv);
  errors.push(...checkParents(tree, lines));
  if (errors.length > 0) throw new StructureListRejectedError(errors.sort((a, b) => a.line - b.line));
  return store.transact(async (tx) => {
    let created = 0;
    const stamp = now.toISOString();
    for (const row of lines) {
      const existing = await tx.get('structures', row.code);
      const parentId = row.code === rootCode ? null : row.parent;
      if (!existing) created += 1;
      // An existing structure keeps what the CSV does not carry (its face, decision 023).
      writeStructure(tx, {
        ...existing,
        id: row.code,
        name: row.name,
        parentId,
        createdAt: existing?.createdAt ?? stamp,
        updatedAt: stamp,
      });
    }
    const outcome = { created, updated: lines.length - created };
    recordAudit(tx, { at: now, actorId, action: 'structures.imported', target: null, details: outcome });
    return outcome;
  });
}

function readTreeCsv(csv: string): { lines: TreeLine[]; errors: StructureCsvError[] } {
  const source = csv.replace(/^\uFEFF/, '');
  const errors: StructureCsvError[] = [];
  const { records, unclosedQuoteLine } = readRecords(source, detectDelimiter(source.split(/\r\n|\r|\n/, 1)[0] ?? ''));
  if (unclosedQuoteLine !== undefined)
    errors.push({ line: unclosedQuoteLine, message: translate('admin.import.error.unclosedQuote') });
  const [header, ...data] = records.filter((r) => r.fields.some((f) => f.trim() !== ''));
  if (!header) return { lines: [], errors: [{ line: 1, message: translate('admin.import.error.empty') }] };
  const at = new Map<string, number>();
  header.fields.forEach((cell, index) => {
    const column = columnOf[fold(cell).replace(/[^a-z]/g, '')];
    if (column && !at.has(column)) at.set(column, index);
  });
  if (!at.has('code') || !at.has('name'))
    return { lines: [], errors: [{ line: header.line, message: translate('structures.import.error.columns') }] };
  if (data.length > maxStructureRows)
    errors.push({
      line: header.line,
      message: translate('structures.import.error.tooMany', { max: maxStructureRows }),
    });
  const lines: TreeLine[] = [];
  const seen = new Map<string, number>();
  for (const record of data.slice(0, maxStructureRows)) {
    const cell = (column: string) => (record.fields[at.get(column) ?? -1] ?? '').replace(/\s+/g, ' ').trim();
    const parsed = NewStructure.safeParse({ code: cell('code'), name: cell('name'), parent: cell('parent') });
    if (!parsed.success) {
      errors.push({ line: record.line, message: parsed.error.issues[0]!.message });
      continue;
    }
    const first = seen.get(parsed.data.code);
    if (first !== undefined) {
      errors.push({
        line: record.line,
        message: translate('structures.import.error.duplicate', { code: parsed.data.code, line: first }),
      });
      continue;
    }
    seen.set(parsed.data.code, record.line);
    lines.push({ line: record.line, ...parsed.data });
  }
  return { lines, errors };
}

/** Every parent exists once the file is applied, and following parents from any line reaches the root. */
function checkParents(tree: StructureTree, lines: readonly TreeLine[]): StructureCsvError[] {
  const parentOf = new Map<string, string | null>();
  for (const node of tree.byCode.values()) parentOf.set(node.code, node.parentCode);
  for (const row of lines) parentOf.set(row.code, row.code === rootCode ? null : row.parent);
  const errors: StructureCsvError[] = [];
  // Close codes are looked for in the tree as the file would make it.
  const stamp = new Date(0).toISOString();
  const future = buildTree(
    [...parentOf].map(([id, parentId]) => ({
      id,
      name: tree.byCode.get(id)?.name ?? id,
      parentId,
      createdAt: stamp,
      updatedAt: stamp,
    })),
    tree.root.name,
  );
  for (const row of lines) {
    if (row.code === rootCode) continue;
    if (!parentOf.has(row.parent)) {
      const close = closeCodes(future, row.parent).join(', ');
      errors.push({
        line: row.line,
        message: translate(close ? 'structures.error.unknownWithClose' : 'structures.error.unknown', {
          code: row.parent,
          close,
        }),
      });
      continue;
    }
    const visited = new Set<string>([row.code]);
    for (let at = parentOf.get(row.code); at; at = parentOf.get(at)) {
      if (visited.has(at)) {
        errors.push({
          line: row.line,
          message: translate('structures.error.cycle', { code: row.code, parent: row.parent }),
        });
        break;
      }
      visited.add(at);
    }
  }
  return errors;
}
