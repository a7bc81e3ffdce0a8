// The xAPI Statement JSON Schema vendored in tests/fixtures/xapi (see its README): a draft-04 schema,
// compiled here by Ajv after two mechanical changes (`id` → `$id`, no `$schema`).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';

const file = path.resolve(import.meta.dirname, '../fixtures/xapi/statement.json');
const { id, $schema: _draft04, ...rest } = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;

// Its ISO 8601 patterns use escapes (`\:`) that only non-Unicode regular expressions accept.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
const validate = ajv.compile({ $id: String(id), ...rest });

/** The schema's complaints about one statement, one line each, or an empty list. */
export function statementErrors(statement: unknown): string[] {
  if (validate(statement)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
}
