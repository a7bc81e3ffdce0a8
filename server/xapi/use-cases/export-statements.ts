import { once } from 'node:events';
import { z } from 'zod';
import { auditExport } from '../../audit/audit-export.ts';
import type { Catalog } from '../../catalog/course.ts';
import { translate } from '../../i18n/translate.ts';
import type { Clock } from '../../shared/clock.ts';
import { InvalidInputError } from '../../shared/errors.ts';
import type { AppStore } from '../../store/app-collections.ts';
import { codesInView, type View } from '../../structures/scope.ts';
import { type ActorMode, buildStatements } from '../build-statements.ts';
import { learnerRecords } from '../queries.ts';

/** The course is missing or unknown, or a filter cannot be read: nothing is exported. */
export class InvalidStatementsQueryError extends InvalidInputError {}

const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const StatementsQuery = z.object({
  course: z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/),
  structure: z.preprocess(blankToUndefined, z.string().trim().max(120).optional()),
});

export type StatementsFormat = 'json' | 'jsonl';

export interface StatementsDeps {
  store: Pick<AppStore, 'get' | 'findBy' | 'transact'>;
  getCatalog: () => Catalog;
  clock: Clock;
  baseUrl: string;
  actorMode: ActorMode;
  /** What the person exporting reaches; everyone when not given (the command line, tests). */
  view?: View;
}

/**
 * A course's xAPI statements as a download: a JSON array (what a learning record store's
 * `POST /statements` takes) or JSON lines. Read the query, record the export in the audit log, then
 * stream learner by learner. Personal data never leaves without its audit entry.
 */
export async function exportStatements(
  input: { query: unknown; format: StatementsFormat; actorId: string },
  deps: StatementsDeps,
  open: (file: { name: string; contentType: string }) => NodeJS.WritableStream,
): Promise<number> {
  const parsed = StatementsQuery.safeParse(input.query);
  const course = parsed.success ? deps.getCatalog().bySlug.get(parsed.data.course) : undefined;
  if (!parsed.success || !course)
    throw new InvalidStatementsQueryError('unknown course', { messageKey: 'xapi.export.unknownCourse' });
  const { structure } = parsed.data;
  // Checked before the audit entry: a structure outside the scope is refused like an unknown one (404).
  const codes = deps.view ? codesInView(deps.view.tree, deps.view.scope, structure) : structure && [structure];
  const now = deps.clock();
  await auditExport(deps.store, {
    at: now,
    actorId: input.actorId,
    action: 'report.statements_exported',
    target: null,
    details: { course: course.slug, format: input.format, ...(structure ? { structure } : {}) },
  });
  const day = now.toISOString().slice(0, 10);
  const out = open({
    name: `${translate('xapi.export.fileName')}-${course.slug}-${day}.${input.format}`,
    contentType: input.format === 'json' ? 'application/json; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
  });
  const write = async (chunk: string) => {
    if (!out.write(chunk)) await once(out, 'drain');
  };
  const settings = { baseUrl: deps.baseUrl, actorMode: deps.actorMode };
  let count = 0;
  if (input.format === 'json') await write('[');
  for await (const record of learnerRecords(deps.store, course.slug, codes ? new Set(codes) : undefined)) {
    for (const statement of buildStatements(course, record, settings)) {
      const line = JSON.stringify(statement);
      await write(input.format === 'json' ? `${count === 0 ? '\n' : ',\n'}${line}` : `${line}\n`);
      count += 1;
    }
  }
  if (input.format === 'json') await write('\n]\n');
  out.end();
  return count;
}
