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
 * planner from the indexes, whose expressions (`data->'structure'`…) are written as the store declares them.
 */
export function completionConditions(sql: Sql, query: CompletionQuery, scope: AssignmentScope) {
  const only = scope.only;
  const onlyCovered = only?.target === 'structure' ? scope.covered(only.structure ?? '') : undefined;
  const users = [
    query.userId && sql`u.id = ${query.userId}`,
    query.structure !== undefined && sql`(u.data->'structure') = to_jsonb(${query.structure}::text)`,
    // The structures the person reaches (server/hr/scoped-completions.ts).
    query.scope && inScope(sql, query.scope),
    // The people the filtered assignment concerns (appliesTo, on the account): its structure and below.
    onlyCovered && inScope(sql, onlyCovered),
    only?.target === 'people' && sql`u.id = any(${only.userIds}::text[])`,
  ];
  const period = completionPeriod(query);
  const status = query.status;
  const enrollments = [
    query.userId && sql`(e.data->'userId') = to_jsonb(${query.userId}::text)`,
    query.course && sql`(e.data->'course') = to_jsonb(${query.course}::text)`,
    (period || status === 'completed' || status === 'revoked') && sql`e.data->'completedAt' <> 'null'::jsonb`,
    (status === 'in_progress' || status === 'late') && sql`e.data->'completedAt' = 'null'::jsonb`,
    period && Number.isFinite(period.start) && sql`(e.data->>'completedAt')::timestamptz >= ${new Date(period.start)}`,
    period && Number.isFinite(period.end) && sql`(e.data->>'completedAt')::timestamptz < ${new Date(period.end)}`,
  ];
  return { users: all(sql, users), enrollments: all(sql, [...users, ...enrollments]) };
}

/** People of these structures, written on the indexed expression so the planner can use the index. */
function inScope(sql: Sql, codes: readonly string[]) {
  return sql`(u.data->'structure') in (select to_jsonb(code) from unnest(${codes as string[]}::text[]) as code)`;
}

function all(sql: Sql, conditions: unknown[]): Fragment {
  return conditions
    .filter((condition): condition is Fragment => typeof condition === 'object' && condition !== null)
    .reduce((joined, condition) => sql`${joined} and ${condition}`, sql`true`);
}

// Only the fields a row shows are read out of the documents, as plain columns: an account's whole
// document (its password hash, its history) would be most of the bytes, and building JSON for every
// matching row costs more than the page that is finally shown.
const userColumns = `u.id as user_id, u.data->>'name' as name, u.data->>'email' as email,
  u.data->>'matricule' as matricule, u.data->>'structure' as structure`;

/**
 * Every row the query matches, one per learner × course: the columns of `RowColumns` (what
 * `enrolledRow`/`notStartedRow` build a row from) and those the database sorts, filters and counts on
 * (`course`, `status`, `started`, `completed_at`, `measured_minutes`). The same rows as
 * `completionsFromStore`: a test compares them.
 */
export function completionRowsSql(
  sql: Sql,
  input: { query: CompletionQuery; scope: AssignmentScope; catalog: Catalog },
): Fragment {
  const { query, scope, catalog } = input;
  const where = completionConditions(sql, query, scope);
  const published = catalog.courses;
  const notStarted = wantsNotStarted(query) ? notStartedCourses(catalog, query, scope).map((c) => c.slug) : [];
  const assigned = scope.assignments
    .filter((a) => a.dueDate !== null)
    .map((a) => {
      // The structures it covers: its own and below; an assignment to the root concerns everyone.
      const structures = a.target === 'structure' ? scope.covered(a.structure ?? '') : [];
      return {
        course: a.course,
        target: structures ? a.target : 'everyone',
        structures: structures ?? [],
        user_ids: a.userIds,
        due_date: a.dueDate,
      };
    });
  // appliesTo, on the row's account: the earliest due date of the assignments that concern it. A lateral
  // join computes it once per row (as a subquery in the select list it was computed for each use), over
  // the assignments decoded once (materialized), not once per row.
  const earliestDueDate = sql`left join lateral (select min(a.due_date collate "C") as due_date from assigned a
    where a.course = listed.course_slug and (a.target = 'everyone'
      or (a.target = 'structure' and a.structures ? listed.structure)
      or (a.target = 'people' and a.user_ids ? listed.user_id))) due on true`;
  return sql`
    with catalog as (
      select * from unnest(${published.map((c) => c.slug)}::text[], ${published.map((c) => c.title)}::text[]) as c(slug, title)
    ), assigned as materialized (
      select * from jsonb_to_recordset(${JSON.stringify(assigned)}::text::jsonb)
        as a(course text, target text, structures jsonb, user_ids jsonb, due_date text)
    ), pairs as (
      select ${sql.unsafe(userColumns)}, e.data->>'course' as course_slug, e.data->>'courseTitle' as course_title,
        (e.data->>'courseVersion')::int as course_version, e.data->>'startedAt' as started_at,
        e.data->>'completedAt' as completed_at_text, (e.data->>'completedAt')::timestamptz as completed_at,
        (e.data->>'finalScore')::float8 as final_score, (e.data->>'seconds')::float8 as seconds
      from enrollments e join users u on (e.data->'userId') = to_jsonb(u.id)
      where ${query.status === 'not_started' ? sql`false` : where.enrollments}
    ), latest as (
      -- The latest certificate of each person the conditions on accounts keep: one hash join of the two
      -- tables. (Looking up each listed person's certificates through the index took 50,000 index scans
      -- for a network's root, a second of the dashboard.)
      select distinct on (c.data->>'userId', c.data->>'course') c.data->>'userId' as user_id,
        c.data->>'course' as course,
        jsonb_build_object('id', c.id, 'status', c.data->'status', 'shortCode', c.data->'shortCode',
          'snapshot', jsonb_build_object('declaredMinutes', c.data->'snapshot'->'declaredMinutes')) as certificate
      from certificates c join users u on (c.data->'userId') = to_jsonb(u.id)
      where ${query.status === 'not_started' ? sql`false` : where.users}
      order by c.data->>'userId', c.data->>'course', c.data->'snapshot'->>'issuedAt' desc, c.id desc
    ), listed as (
      select pairs.*, coalesce(catalog.title, pairs.course_title) as course, true as started, latest.certificate
      from pairs
        left join catalog on catalog.slug = pairs.course_slug
        left join latest on latest.user_id = pairs.user_id and latest.course = pairs.course_slug
      union all
      -- Active accounts without the course; staff other than learners only once they follow some course.
      select ${sql.unsafe(userColumns)}, catalog.slug, null, null, null, null, null, null, 0, catalog.title, false, null
      from users u join catalog on catalog.slug = any(${notStarted}::text[])
      where ${notStarted.length > 0 ? where.users : sql`false`}
        and u.data->'active' = 'true'::jsonb
        and not exists (select 1 from enrollments e
          where (e.data->'userId') = to_jsonb(u.id) and e.data->>'course' = catalog.slug)
        and (u.data->>'role' = 'learner' or exists (select 1 from enrollments e where (e.data->'userId') = to_jsonb(u.id)))
    ), dated as (
      select listed.*, ${scope.today}::text as today, ${assigned.length > 0 ? sql`due.due_date` : sql`null::text`} as due_date
      from listed ${assigned.length > 0 ? earliestDueDate : sql``}
    )
    select dated.*, round(dated.seconds::numeric / 60) as measured_minutes,
      case
        when completed_at is not null then
          case when certificate->>'status' = 'revoked' then 'revoked' else 'completed' end
        when ${sql.unsafe(lateSql('completed_at', 'due_date', 'today'))} then 'late'
        when started then 'in_progress'
        else 'not_started'
      end as status
    from dated`;
}
