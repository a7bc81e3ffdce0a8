import type { User } from '../accounts/schema.ts';
import type { Catalog, Course } from '../catalog/course.ts';
import type { Certificate } from '../certificates/schema.ts';
import type { Enrollment } from '../learning/schema.ts';
import { enrollmentId } from '../progress/progress-ids.ts';
import type { AppStore } from '../store/app-collections.ts';
import type { CompletionFilters, CompletionSort } from './completion-filters.ts';
import { type CompletionRow, CompletionStatus } from './completion-row.ts';

/** A report row plus the ids the HR pages link to (learner page, certificate page, course filter). */
export type ListedCompletion = CompletionRow & {
  userId: string;
  courseSlug: string;
  certificateId: string | null;
};

/** What narrows the list: the dashboard's filters (page is ignored), or one learner's courses. */
export type CompletionQuery = Partial<Omit<CompletionFilters, 'page'>> & { userId?: string };

/**
 * One row per learner × course matching the query. Without `sort`, rows come in the store's order and
 * nothing is buffered, so an export streams; with `sort`, the matching rows are collected and sorted first.
 */
export async function* listCompletions(
  store: AppStore,
  catalog: Catalog,
  query: CompletionQuery,
): AsyncGenerator<ListedCompletion> {
  const rows = matchingCompletions(store, catalog, query);
  if (!query.sort) {
    yield* rows;
    return;
  }
  const collected: ListedCompletion[] = [];
  for await (const row of rows) collected.push(row);
  yield* sortCompletions(collected, query.sort, query.dir ?? 'asc');
}

async function* matchingCompletions(
  store: AppStore,
  catalog: Catalog,
  query: CompletionQuery,
): AsyncGenerator<ListedCompletion> {
  const period = periodOf(query);
  const enrollments =
    query.status === 'not_started'
      ? []
      : query.userId
        ? await store.findBy('enrollments', 'userId', query.userId)
        : query.course
          ? await store.findBy('enrollments', 'course', query.course)
          : store.all('enrollments');
  const factsOf = learnerFacts(store);
  const pause = pauseEvery(2_000);
  for await (const enrollment of enrollments) {
    await pause();
    if (query.course && enrollment.course !== query.course) continue;
    const user = await store.get('users', enrollment.userId);
    // Accounts are deactivated, never deleted; a row without its account has nobody to report on.
    if (!user) continue;
    if (query.structure !== undefined && user.structure !== query.structure) continue;
    if (period) {
      const completedAt = enrollment.completedAt ? Date.parse(enrollment.completedAt) : Number.NaN;
      if (!(completedAt >= period.start && completedAt < period.end)) continue;
    }
    if (query.status === 'in_progress' && enrollment.completedAt) continue;
    if ((query.status === 'completed' || query.status === 'revoked') && !enrollment.completedAt) continue;
    const facts = await factsOf(user.id);
    const certificate = latestCertificate(facts.certificates, enrollment.course);
    const seconds = facts.secondsByCourse.get(enrollment.course) ?? 0;
    const row = enrolledRow(catalog.bySlug.get(enrollment.course), user, enrollment, certificate, seconds);
    if (query.status && row.status !== query.status) continue;
    yield row;
  }
  if (!wantsNotStarted(query)) return;
  const courses = query.course
    ? [catalog.bySlug.get(query.course)].filter((course) => course !== undefined)
    : catalog.courses;
  for (const course of courses) {
    const users =
      query.structure !== undefined ? await store.findBy('users', 'structure', query.structure) : store.all('users');
    for await (const user of users) {
      await pause();
      if (!user.active || (await store.get('enrollments', enrollmentId(user.id, course.slug)))) continue;
      // Trainers, HR and admins are counted only once they have followed a course themselves.
      if (user.role !== 'learner' && (await store.findBy('enrollments', 'userId', user.id)).length === 0) continue;
      yield notStartedRow(course, user);
    }
  }
}

/** In-memory lookups resolve at once: without a pause, 30,000 rows would hold every other request back. */
function pauseEvery(rows: number): () => Promise<void> {
  let seen = 0;
  return async () => {
    seen += 1;
    if (seen % rows === 0) await new Promise((resolve) => setImmediate(resolve));
  };
}

/** Not-started pairs would be every learner × every course: only listed when a course or that status is asked for. */
function wantsNotStarted(query: CompletionQuery): boolean {
  if (query.userId || query.from || query.to) return false;
  if (query.status && query.status !== 'not_started') return false;
  return Boolean(query.course) || query.status === 'not_started';
}

interface LearnerFacts {
  secondsByCourse: Map<string, number>;
  certificates: readonly Readonly<Certificate>[];
}

/**
 * A learner's measured time per course and certificates, looked up once for all their enrollments
 * (three on average: a third of the index lookups). Bounded, so a long export does not keep every learner.
 */
function learnerFacts(store: AppStore): (userId: string) => Promise<LearnerFacts> {
  const cache = new Map<string, LearnerFacts>();
  return async (userId) => {
    let facts = cache.get(userId);
    if (!facts) {
      const secondsByCourse = new Map<string, number>();
      for (const progress of await store.findBy('progress', 'userId', userId)) {
        secondsByCourse.set(progress.course, (secondsByCourse.get(progress.course) ?? 0) + progress.seconds);
      }
      facts = { secondsByCourse, certificates: await store.findBy('certificates', 'userId', userId) };
      if (cache.size >= 50_000) cache.clear();
      cache.set(userId, facts);
    }
    return facts;
  };
}

function enrolledRow(
  course: Course | undefined,
  user: Readonly<User>,
  enrollment: Readonly<Enrollment>,
  certificate: Readonly<Certificate> | undefined,
  seconds: number,
): ListedCompletion {
  const status = !enrollment.completedAt ? 'in_progress' : certificate?.status === 'revoked' ? 'revoked' : 'completed';
  return {
    name: user.name,
    email: user.email,
    matricule: user.matricule,
    structure: user.structure,
    course: course?.title ?? enrollment.courseTitle,
    courseVersion: enrollment.courseVersion,
    status,
    startedAt: new Date(enrollment.startedAt),
    completedAt: enrollment.completedAt ? new Date(enrollment.completedAt) : null,
    measuredMinutes: Math.round(seconds / 60),
    // An unpublished course keeps the duration its certificate stated.
    declaredMinutes: course?.declaredMinutes ?? certificate?.snapshot.declaredMinutes ?? 0,
    finalScore: enrollment.finalScore,
    certificateCode: certificate?.shortCode ?? null,
    certificateStatus: certificate?.status ?? null,
    userId: user.id,
    courseSlug: enrollment.course,
    certificateId: certificate?.id ?? null,
  };
}

function notStartedRow(course: Course, user: Readonly<User>): ListedCompletion {
  return {
    name: user.name,
    email: user.email,
    matricule: user.matricule,
    structure: user.structure,
    course: course.title,
    courseVersion: course.version,
    status: 'not_started',
    startedAt: null,
    completedAt: null,
    measuredMinutes: 0,
    declaredMinutes: course.declaredMinutes,
    finalScore: null,
    certificateCode: null,
    certificateStatus: null,
    userId: user.id,
    courseSlug: course.slug,
    certificateId: null,
  };
}

/** The certificate that speaks for the course today: the last one issued (a replacement, or a revoked one). */
export function latestCertificate(
  certificates: readonly Readonly<Certificate>[],
  course: string,
): Readonly<Certificate> | undefined {
  let latest: Readonly<Certificate> | undefined;
  let latestAt = Number.NEGATIVE_INFINITY;
  for (const certificate of certificates) {
    if (certificate.course !== course) continue;
    const issuedAt = Date.parse(certificate.snapshot.issuedAt);
    if (issuedAt >= latestAt) {
      latest = certificate;
      latestAt = issuedAt;
    }
  }
  return latest;
}

// HR counts days on the Paris calendar: "to 30 June" ends at midnight, Paris time, on 1 July.
function periodOf(query: CompletionQuery): { start: number; end: number } | undefined {
  if (!query.from && !query.to) return undefined;
  return {
    start: query.from ? parisMidnight(query.from, 0) : Number.NEGATIVE_INFINITY,
    end: query.to ? parisMidnight(query.to, 1) : Number.POSITIVE_INFINITY,
  };
}

const parisClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris',
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

function parisOffsetMs(instant: number): number {
  const parts: Record<string, number> = {};
  for (const part of parisClock.formatToParts(new Date(instant))) parts[part.type] = Number(part.value);
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return wall - (instant - (instant % 1000));
}

/** The instant of 00:00 in Paris on `day` (YYYY-MM-DD) plus `addDays`; DST never changes at midnight there. */
function parisMidnight(day: string, addDays: number): number {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(year, month - 1, date + addDays);
  return wall - parisOffsetMs(wall - parisOffsetMs(wall));
}

const statusOrder = new Map(CompletionStatus.options.map((status, index) => [status, index]));

// One Intl comparison costs ~1 µs: French order is computed once per distinct value, then rows sort on numbers.
const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });
function ranks(values: Iterable<string>): Map<string, number> {
  return new Map([...new Set(values)].sort(collator.compare).map((value, index) => [value, index]));
}

/** Sorts in place and returns `rows`; ties keep the store's order, so pages never shuffle between requests. */
export function sortCompletions<R extends CompletionRow>(rows: R[], sort: CompletionSort, dir: 'asc' | 'desc'): R[] {
  const names = ranks(rows.map((row) => row.name));
  const courses = ranks(rows.map((row) => row.course));
  const structures = sort === 'structure' ? ranks(rows.map((row) => row.structure)) : undefined;
  const primary = (row: R): number => {
    switch (sort) {
      case 'name':
        return names.get(row.name)!;
      case 'structure':
        return structures!.get(row.structure)!;
      case 'course':
        return courses.get(row.course)!;
      case 'status':
        return statusOrder.get(row.status)!;
      case 'completedAt':
        return row.completedAt?.getTime() ?? Number.NaN;
    }
  };
  const sign = dir === 'desc' ? -1 : 1;
  const keyed = rows.map((row, index) => ({
    row,
    index,
    key: primary(row),
    name: names.get(row.name)!,
    course: courses.get(row.course)!,
  }));
  keyed.sort((a, b) => {
    // Rows without a completion date go last whichever the direction.
    if (Number.isNaN(a.key) || Number.isNaN(b.key)) {
      if (!Number.isNaN(a.key)) return -1;
      if (!Number.isNaN(b.key)) return 1;
    } else if (a.key !== b.key) {
      return sign * (a.key - b.key);
    }
    return a.name - b.name || a.course - b.course || a.index - b.index;
  });
  for (let index = 0; index < keyed.length; index += 1) rows[index] = keyed[index]!.row;
  return rows;
}
