import type { PendingQuery, Row, Sql } from 'postgres';
import { lateSql } from '../assignments/assignment-status.ts';
import type { Catalog } from '../catalog/course.ts';
import type { AssignmentScope } from './assignment-scope.ts';
import { completionPeriod } from './completion-period.ts';
import type { CompletionQuery } from './completions-source.ts';
import { notStartedCourses, wantsNotStarted } from './wants-not-started.ts';

type Fragment = PendingQuery<Row[]>;

/**
 * The conditions of a query, built in this one place for both kinds of rows (started and not started):
 * `users` on the account `u`, `enrollments` on the enrollment `e`. A new filter (a scope of structures, for
 * example) is one more entry here. Only the conditions in use are written: `$1 is null or …` would keep the
 * planner from the indexes. Fields are read from the typed columns the collections declare for reports
 * (`u.structure`, `e."completedAt"`…), never decoded from each document (decision 027).
 */
export function completionConditions(sql: Sql, query: CompletionQuery, scope: AssignmentScope) {
  const only = scope.only;
  const onlyCovered = only?.target === 'structure' ? scope.covered(only.structure ?? '') : undefined;
  const users = [
    query.userId && sql`u.id = ${query.userId}`,
    query.structure !== undefined && sql`u.structure = ${query.structure}`,
    // The structures the person reaches (server/hr/scoped-completions.ts).
    query.scope && inScope(sql, query.scope),
    // The people the filtered assignment concerns (appliesTo, on the account): its structure and below.
    onlyCovered && inScope(sql, onlyCovered),
    only?.target === 'people' && sql`u.id = any(${only.userIds}::text[])`,
  ];
  const period = completionPeriod(query);
  const status = query.status;
  const enrollments = [
    query.userId && sql`e."userId" = ${query.userId}`,
    query.course && sql`e.course = ${query.course}`,
    (period || status === 'completed' || status === 'revoked') && sql`e."completedAt" is not null`,
    (status === 'in_progress' || status === 'late') && sql`e."completedAt" is null`,
    period && Number.isFinite(period.start) && sql`e."completedAt"::timestamptz >= ${new Date(period.start)}`,
    period && Number.isFinite(period.end) && sql`e."completedAt"::timestamptz < ${new Date(period.end)}`,
  ];
  return { users: all(sql, users), enrollments: all(sql, [...users, ...enrollments]) };
}

/** People of these structures (the column is indexed). */
function inScope(sql: Sql, codes: readonly string[]) {
  return sql`u.structure in (select unnest(${codes as string[]}::text[]))`;
}

function all(sql: Sql, conditions: unknown[]): Fragment {
  return conditions
    .filter((condition): condition is Fragment => typeof condition === 'object' && condition !== null)
    .reduce((joined, condition) => sql`${joined} and ${condition}`, sql`true`);
}

// Only the fields a row shows are read, from the typed columns: an account's whole document (its password
// hash, its history) would be most of the bytes, and decoding every document costs more than the page shown.
const userColumns = 'u.id as user_id, u.name, u.email, u.matricule, u.structure';

/** How a statement reads the rows: all of them, or only the first `limit` in the order `orderBy` gives. */
export interface RowsReading {
  /** What follows ORDER BY, on the row's columns (`name`, `course`, `status`…). */
  orderBy?: Fragment;
  /** With `orderBy`: each kind of row (started, not started) stops after this many. */
  limit?: number;
  /** Only counted (the totals): all that is read of a certificate is whether it is revoked. */
  counted?: boolean;
}

/**
 * Every row the query matches, one per learner × course: the columns of `RowColumns` (what
 * `enrolledRow`/`notStartedRow` build a row from) and those the database sorts, filters and counts on
 * (`course`, `status`, `started`, `completed_at`, `measured_minutes`), already filtered on the asked
 * status. The same rows as `completionsFromStore`: a test compares them.
 *
 * Read with a limit (one page), each kind of row is put in order and cut in its own subquery, and the
 * latest certificate is looked up per row kept: for the default order (names), PostgreSQL then walks the
 * accounts through their index in French order and stops after the page (a few milliseconds for a
 * network of 50,000 people, where sorting every row took a second). Read whole (totals, exports), the
 * certificates are one hash join instead.
 */
export function completionRowsSql(
  sql: Sql,
  input: { query: CompletionQuery; scope: AssignmentScope; catalog: Catalog; reading?: RowsReading },
): Fragment {
  const { query, scope, catalog, reading = {} } = input;
  const where = completionConditions(sql, query, scope);
  const published = catalog.courses;
  const notStarted = wantsNotStarted(query) ? notStartedCourses(catalog, query, scope).map((c) => c.slug) : [];
  const due = dueTables(sql, scope);
  const paged = reading.orderBy !== undefined && reading.limit !== undefined;
  const latest = paged
    ? // One index lookup per row kept: a page's 50.
      sql`left join lateral (select ${sql.unsafe(certificateObject)} as certificate from certificates c
          where c."userId" = u.id and c.course = e.course
          order by c.data->'snapshot'->>'issuedAt' desc, c.id desc limit 1) latest on true`
    : reading.counted
      ? // Counting needs only whether a row's latest certificate is revoked: the revoked certificates
        // that no later one replaced (a few hundred, each checked through the index), instead of the
        // latest of every person, sorted, in each parallel worker.
        sql`left join (
          select distinct r."userId" as user_id, r.course, jsonb_build_object('status', 'revoked') as certificate
          from certificates r
          where r.status = 'revoked' and not exists (select 1 from certificates n
            where n."userId" = r."userId" and n.course = r.course
              and (n.data->'snapshot'->>'issuedAt', n.id) > (r.data->'snapshot'->>'issuedAt', r.id))
        ) latest on latest.user_id = u.id and latest.course = e.course`
      : // The latest certificate of each person the conditions on accounts keep, when every row is read:
        // one hash join of the two tables. (Looking up each person's certificates through the index took
        // 50,000 index scans for a network's root, a second of the dashboard.)
        sql`left join (
          select distinct on (c."userId", c.course) c."userId" as user_id, c.course,
            ${sql.unsafe(certificateObject)} as certificate
          from certificates c join users u on c."userId" = u.id
          where ${query.status === 'not_started' ? sql`false` : where.users}
          order by c."userId", c.course, c.data->'snapshot'->>'issuedAt' desc, c.id desc
        ) latest on latest.user_id = u.id and latest.course = e.course`;
  // Inline rather than a WITH: a common table is read by the leader alone, and would keep PostgreSQL
  // from sharing the totals' scan of 150,000 rows among parallel workers.
  const catalogRows = sql`(select * from unnest(${published.map((c) => c.slug)}::text[],
    ${published.map((c) => c.title)}::text[]) as c(slug, title))`;
  // Each kind of row, with its status, filtered on the asked one, in order and cut when reading a page.
  const kept = (rows: Fragment) => sql`
    select * from (
      select kind.*, case
          when completed_at is not null then
            case when certificate->>'status' = 'revoked' then 'revoked' else 'completed' end
          when ${sql.unsafe(lateSql('completed_at', 'due_date', 'today'))} then 'late'
          when started then 'in_progress'
          else 'not_started'
        end as status
      from (${rows}) kind
    ) with_status
    where ${query.status ? sql`status = ${query.status}` : sql`true`}
    ${paged ? sql`order by ${reading.orderBy!} limit ${reading.limit!}` : sql``}`;
  const startedDue = due('e.course');
  const started = sql`
    select ${sql.unsafe(userColumns)}, e.course as course_slug, e."courseTitle" as course_title,
      e."courseVersion" as course_version, e."startedAt" as started_at,
      e."completedAt" as completed_at_text, e."completedAt"::timestamptz as completed_at,
      e."finalScore" as final_score, e.seconds, coalesce(catalog.title, e."courseTitle") as course,
      true as started, latest.certificate, ${scope.today}::text as today, ${startedDue.date} as due_date,
      floor(e.seconds / 60 + 0.5) as measured_minutes
    from enrollments e join users u on e."userId" = u.id
      left join ${catalogRows} catalog on catalog.slug = e.course
      ${latest}
      ${startedDue.joins}
    where ${query.status === 'not_started' ? sql`false` : where.enrollments}`;
  // Active accounts without the course; staff other than learners only once they follow some course.
  const notStartedDue = due('catalog.slug');
  const notStartedRows = sql`
    select ${sql.unsafe(userColumns)}, catalog.slug as course_slug, null as course_title,
      null::int as course_version, null as started_at, null as completed_at_text, null::timestamptz as completed_at,
      null::float8 as final_score, 0::float8 as seconds, catalog.title as course, false as started,
      null::jsonb as certificate, ${scope.today}::text as today, ${notStartedDue.date} as due_date,
      0::float8 as measured_minutes
    from users u join ${catalogRows} catalog on catalog.slug = any(${notStarted}::text[])
      ${notStartedDue.joins}
    where ${notStarted.length > 0 ? where.users : sql`false`}
      and u.active
      and not exists (select 1 from enrollments e where e."userId" = u.id and e.course = catalog.slug)
      and (u.role = 'learner' or exists (select 1 from enrollments e where e."userId" = u.id))`;
  return sql`
    select * from (${kept(started)}) started_rows
    union all
    select * from (${kept(notStartedRows)}) not_started_rows`;
}

/**
 * appliesTo, on the row's account: the earliest due date of the assignments that concern it, by course for
 * everyone, by course and structure, by course and person. Three small tables, each with one earliest date
 * per key, joined on equal keys (not a search of the assignments for each of 150,000 rows); only the kinds
 * of assignment there are, since each join is a probe for every row. `least()` leaves out nulls.
 */
function dueTables(sql: Sql, scope: AssignmentScope) {
  // One table per kind of target: the column (besides the course) its key is on, and the row's side.
  const kinds = [
    { alias: 'de', column: 'everyone', on: null, dates: new Map<string, DueDate>() },
    { alias: 'ds', column: 'structure', on: 'u.structure', dates: new Map<string, DueDate>() },
    { alias: 'dp', column: 'user_id', on: 'u.id', dates: new Map<string, DueDate>() },
  ] as const;
  const [everyone, byStructure, byPerson] = kinds;
  const keep = (kind: (typeof kinds)[number], course: string, key: string, date: string) => {
    const at = `${course}\n${key}`;
    const kept = kind.dates.get(at);
    // ISO days compare as strings.
    if (kept === undefined || date < kept.date) kind.dates.set(at, { course, key, date });
  };
  for (const a of scope.assignments) {
    if (a.dueDate === null) continue;
    // The structures it covers: its own and below; an assignment to the root concerns everyone.
    const covered = a.target === 'structure' ? scope.covered(a.structure ?? '') : [];
    if (a.target === 'people') for (const id of a.userIds) keep(byPerson, a.course, id, a.dueDate);
    else if (a.target === 'structure' && covered)
      for (const code of covered) keep(byStructure, a.course, code, a.dueDate);
    else keep(everyone, a.course, '', a.dueDate);
  }
  const present = kinds.filter((kind) => kind.dates.size > 0);
  return (course: string) => {
    if (present.length === 0) return { joins: sql``, date: sql`null::text` };
    const joins = present.map(({ alias, column, on, dates }) => {
      const rows = [...dates.values()];
      const table = sql`(select * from unnest(${rows.map((row) => row.course)}::text[],
        ${rows.map((row) => row.key)}::text[], ${rows.map((row) => row.date)}::text[]) as d(course, ${sql.unsafe(column)}, due_date))`;
      const alsoOn = on ? sql.unsafe(` and ${alias}.${column} = ${on}`) : sql``;
      return sql`left join ${table} ${sql.unsafe(alias)} on ${sql.unsafe(alias)}.course = ${sql.unsafe(course)}${alsoOn}`;
    });
    return {
      joins: joins.reduce((all, join) => sql`${all} ${join}`, sql``),
      date: sql.unsafe(`least(${present.map(({ alias }) => `${alias}.due_date`).join(', ')}) collate "C"`),
    };
  };
}

/** One earliest due date: its course, the structure or person it is keyed on ('' for everyone), the day. */
interface DueDate {
  course: string;
  key: string;
  date: string;
}

/** What a row shows of its certificate (`ReportedCertificate`), built from the typed columns. */
const certificateObject = `jsonb_build_object('id', c.id, 'status', c.status, 'shortCode', c."shortCode",
  'snapshot', jsonb_build_object('declaredMinutes', c.data->'snapshot'->'declaredMinutes'))`;
