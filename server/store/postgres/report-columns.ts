import type { TransactionSql } from 'postgres';
import type { ColumnType, ReportColumns } from '../store.ts';
import { frenchCollation } from './french-collation.ts';
import { tableName } from './sql-names.ts';

// Field names come from the collection definitions in code, never from a request; they are checked
// anyway, because they are written into SQL text (a generated column's expression must be a literal).
const identifier = /^[a-zA-Z][a-zA-Z0-9_]{0,40}$/;

/** `"courseTitle"`: the column holding a typed copy of a row's top-level field. */
export function columnName(field: string): string {
  if (!identifier.test(field)) throw new Error(`invalid report column: ${field}`);
  return `"${field}"`;
}

function generatedFrom(field: string, type: ColumnType): string {
  const text = `(data->>'${field}')`;
  return type === 'text' ? text : `(${text}::${type})`;
}

/**
 * Adds the columns a collection declares for reports (`ReportColumns`) and their indexes, at start-up
 * under the schema lock. A column is added once: `alter table … add column … generated always as … stored`
 * rewrites the table (about a second for 150,000 enrollments), so the catalog is asked first and an
 * existing database pays it on the first start after an upgrade only.
 */
export async function addReportColumns(
  tx: TransactionSql,
  collection: string,
  columns: ReportColumns,
  existing: ReadonlySet<string>,
): Promise<void> {
  const table = tableName(collection);
  const missing = Object.entries(columns.types).filter(([field]) => !existing.has(`${collection}.${field}`));
  if (missing.length > 0)
    await tx.unsafe(
      `alter table ${table} ${missing
        .map(
          ([field, type]) =>
            `add column ${columnName(field)} ${type} generated always as ${generatedFrom(field, type)} stored`,
        )
        .join(', ')}`,
    );
  for (const field of columns.indexed ?? [])
    await tx.unsafe(
      `create index if not exists "${collection}_${field}_column_idx" on ${table} (${columnName(field)})`,
    );
  if (!columns.french?.length) return;
  const collation = await frenchCollation(tx);
  for (const field of columns.french)
    await tx.unsafe(
      `create index if not exists "${collection}_${field}_french_idx" on ${table} (${columnName(field)} collate ${collation})`,
    );
}

/** `users.name`…: the columns of this schema's tables, read once before adding what is missing. */
export async function existingColumns(tx: TransactionSql): Promise<Set<string>> {
  const rows = await tx<{ name: string }[]>`
    select table_name || '.' || column_name as name from information_schema.columns
    where table_schema = current_schema()`;
  return new Set(rows.map((row) => row.name));
}
