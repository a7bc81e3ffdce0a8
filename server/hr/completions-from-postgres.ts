import type { Sql } from 'postgres';
import type { Catalog } from '../catalog/course.ts';
import type { Clock } from '../shared/clock.ts';
import type { AppStore } from '../store/app-collections.ts';
import { frenchCollation } from '../store/postgres/french-collation.ts';
import { type AssignmentScope, assignmentScope } from './assignment-scope.ts';
import type { CompletionSort } from './completion-filters.ts';
import { CompletionStatus } from './completion-row.ts';
import { completionRowsSql } from './completion-rows-sql.ts';
import type { CompletionPage, CompletionsSource } from './completions-source.ts';
import {
  enrolledRow,
  type ListedCompletion,
  notStartedRow,
  type ReportedCertificate,
  type ReportedEnrollment,
  type ReportedUser,
} from './listed-completion.ts';
import { CompletionTally } from './summarize-completions.ts';

/** Rows fetched per round trip while streaming: an export of a million rows never sits in memory. */
const batchSize = 1_000;

/** What the database sends of one row; the enrollment's columns are null for a course not started. */
interface RowTuple {
  user_id: string;
  name: string;
  email: string;
  matricule: string | null;
  structure: string;
  course_slug: string;
  course_title: string | null;
  course_version: number | null;
  started_at: string | null;
  completed_at_text: string | null;
  final_score: number | null;
  seconds: number;
  certificate: ReportedCertificate | null;
  due_date: string | null;
}

const tupleNames = [
  'user_id',
  'name',
  'email',
  'matricule',
  'structure',
  'course_slug',
  'course_title',
  'course_version',
  'started_at',
  'completed_at_text',
  'final_score',
  'seconds',
  'certificate',
  'due_date',
] as const satisfies readonly (keyof RowTuple)[];
/** The columns of `RowTuple`, in SQL. */
const tupleColumns = tupleNames.join(', ');

/**
 * The same rows as `completionsFromStore`, but PostgreSQL joins, filters, sorts (French ICU collation),
 * paginates and counts: the dashboard receives one page and the totals, never every row. Rows are still
 * built by `enrolledRow`/`notStartedRow` (one definition of a row).
 */
export function completionsFromPostgres(
  sql: Sql,
  store: Pick<AppStore, 'get' | 'findBy' | 'all'>,
  getCatalog: () => Catalog,
  clock: Clock,
): CompletionsSource {
  // Looked up once, on first use (the database may be down when the app starts; then it is asked again).
  let found: Promise<string> | undefined;
  const collation = () =>
    (found ??= frenchCollation(sql).catch((error) => {
      found = undefined;
      throw error;
    }));
  return {
    async *list(asked) {
      const { scope, query } = await assignmentScope(store, asked, clock);
      if (!query) return;
      const catalog = getCatalog();
      const rows = completionRowsSql(sql, { query, scope, catalog });
      const order = query.sort
        ? sql`order by ${orderBy(sql, await collation(), query.sort, query.dir ?? 'asc')}`
        : sql``;
      const cursor = sql<RowTuple[]>`select ${sql.unsafe(tupleColumns)} from (${rows}) r ${order}`.cursor(batchSize);
      for await (const batch of cursor) for (const tuple of batch) yield rowOf(tuple, catalog, scope);
    },
    async page(asked, page, size) {
      const { scope, query } = await assignmentScope(store, asked, clock);
      if (!query) return emptyPage();
      const catalog = getCatalog();
      const rows = completionRowsSql(sql, { query, scope, catalog, reading: { counted: true } });
      const order = orderBy(sql, await collation(), asked.sort, query.dir ?? 'asc');
      const pageRows = (offset: number) =>
        completionRowsSql(sql, { query, scope, catalog, reading: { orderBy: order, limit: offset + size } });
      // Two statements on one snapshot: the totals, which read a few typed columns of every row, then the
      // page alone in its order. Apart, the page can be read through the index on names and stop after its
      // rows; together (the former single statement) every row was built in full and kept, 150,000 for a
      // network's root (decision 027).
      const { groups, tuples, total, shownPage, pageCount } = await sql.begin(
        'isolation level repeatable read read only',
        async (tx) => {
          // Grouped on course × structure × status (a few thousand lines for a network), which PostgreSQL
          // can share among parallel workers (grouping sets cannot be), then added up here per course, per
          // structure and in all.
          const groups = await tx<CountRow[]>`
            select course_slug, min(course) as course, structure, status, count(*)::int as rows,
              count(*) filter (where started)::int as enrolled, coalesce(sum(measured_minutes), 0)::int as minutes
            from (${rows}) r group by course_slug, structure, status`;
          const total = groups.reduce((sum, group) => sum + group.rows, 0);
          const pageCount = Math.max(1, Math.ceil(total / size));
          const shownPage = Math.min(Math.max(1, page), pageCount);
          const tuples =
            total === 0
              ? []
              : await tx<RowTuple[]>`
            select ${tx.unsafe(tupleColumns)} from (${pageRows((shownPage - 1) * size)}) r
            order by ${order} limit ${size} offset ${(shownPage - 1) * size}`;
          return { groups, tuples, total, shownPage, pageCount };
        },
      );
      return {
        rows: tuples.map((tuple) => rowOf(tuple, catalog, scope)),
        page: shownPage,
        pageCount,
        total,
        summary: summaryFrom(groups),
      };
    },
  };
}

function rowOf(tuple: RowTuple, catalog: Catalog, scope: AssignmentScope): ListedCompletion {
  const due = { dueDate: tuple.due_date, today: scope.today };
  const course = catalog.bySlug.get(tuple.course_slug);
  const user: ReportedUser = {
    id: tuple.user_id,
    name: tuple.name,
    email: tuple.email,
    matricule: tuple.matricule,
    structure: tuple.structure,
  };
  if (tuple.started_at === null) return notStartedRow(course!, user, due);
  const enrollment: ReportedEnrollment = {
    course: tuple.course_slug,
    courseTitle: tuple.course_title!,
    courseVersion: tuple.course_version!,
    startedAt: tuple.started_at,
    completedAt: tuple.completed_at_text,
    finalScore: tuple.final_score,
    seconds: tuple.seconds,
  };
  return enrolledRow(course, user, enrollment, tuple.certificate ?? undefined, due);
}

const statusOrder = CompletionStatus.options;

/**
 * `sortCompletions`' order in SQL (what follows ORDER BY): the key, rows without a completion date last, then name, course, e-mail
 * and course slug, so the order is total and the same on both stores.
 */
function orderBy(sql: Sql, collation: string, sort: CompletionSort, dir: 'asc' | 'desc') {
  const french = (column: string) => sql.unsafe(`${column} collate ${collation}`);
  const key = {
    name: french('name'),
    structure: french('structure'),
    course: french('course'),
    status: sql`array_position(${statusOrder}::text[], status)`,
    completedAt: sql`completed_at`,
  }[sort];
  const direction = sql.unsafe(dir === 'desc' ? 'desc nulls last' : 'asc nulls last');
  return sql`${key} ${direction}, ${french('name')}, ${french('course')}, email collate "C", course_slug collate "C"`;
}

/** One line of the totals: the rows of one course, structure and status. */
interface CountRow {
  course_slug: string;
  course: string;
  structure: string;
  status: CompletionStatus;
  rows: number;
  enrolled: number;
  minutes: number;
}

/** The lines added up per course (labelled with its title), per structure, and in all. */
function summaryFrom(lines: CountRow[]) {
  const tally = new CompletionTally();
  for (const line of lines)
    tally.addLine(
      {
        courseSlug: line.course_slug,
        course: line.course,
        structure: line.structure,
        status: line.status,
        measuredMinutes: line.minutes,
      },
      line.rows,
      line.enrolled,
    );
  return tally.summary();
}

function emptyPage(): CompletionPage {
  return { rows: [], page: 1, pageCount: 1, total: 0, summary: new CompletionTally().summary() };
}
