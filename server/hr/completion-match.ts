import type { User } from '../accounts/schema.ts';
import type { Course } from '../catalog/course.ts';
import type { Certificate } from '../certificates/schema.ts';
import type { Enrollment } from '../learning/schema.ts';
import type { CompletionStatus } from './completion-row.ts';
import {
  courseTitle,
  enrolledRow,
  enrolledStatus,
  type ListedCompletion,
  measuredMinutes,
  notStartedRow,
  notStartedStatus,
  type RowDueDate,
} from './listed-completion.ts';
import type { SortKeys } from './sort-completions.ts';
import type { CountedRow } from './summarize-completions.ts';

/**
 * A row before it is built: the stored rows it is made of (references, nothing copied), its due date and
 * its status. A network's dashboard counts and orders 150,000 of these and builds the 50 rows it shows;
 * building every row (two dates and eighteen fields each, kept until the page was chosen) spent more
 * time collecting garbage than computing.
 */
export interface CompletionMatch {
  user: Readonly<User>;
  /** Undefined when the published `course` was not started. */
  enrollment: Readonly<Enrollment> | undefined;
  /** Undefined once a started course is no longer published. */
  course: Course | undefined;
  certificate: Readonly<Certificate> | undefined;
  dueDate: string | null;
  status: CompletionStatus;
}

/** The record of a started course; `course` is undefined once it is no longer published. */
export function enrolledMatch(
  user: Readonly<User>,
  enrollment: Readonly<Enrollment>,
  course: Course | undefined,
  certificate: Readonly<Certificate> | undefined,
  due: RowDueDate,
): CompletionMatch {
  return {
    user,
    enrollment,
    course,
    certificate,
    dueDate: due.dueDate,
    status: enrolledStatus(enrollment, certificate, due),
  };
}

/** The record of a published course not started. */
export function notStartedMatch(user: Readonly<User>, course: Course, due: RowDueDate): CompletionMatch {
  return {
    user,
    enrollment: undefined,
    course,
    certificate: undefined,
    dueDate: due.dueDate,
    status: notStartedStatus(due),
  };
}

/** The row the record stands for, built by the one definition of a row (`enrolledRow`, `notStartedRow`). */
export function rowOf(match: CompletionMatch, today: string): ListedCompletion {
  const due: RowDueDate = { dueDate: match.dueDate, today };
  return match.enrollment
    ? enrolledRow(match.course, match.user, match.enrollment, match.certificate, due)
    : notStartedRow(match.course!, match.user, due);
}

/** The same values `rowOf(match)` has, read without building it. */
export const matchSortKeys: SortKeys<CompletionMatch> = {
  name: (match) => match.user.name,
  course: (match) => (match.enrollment ? courseTitle(match.course, match.enrollment) : match.course!.title),
  structure: (match) => match.user.structure,
  status: (match) => match.status,
  completedAt: (match) =>
    match.enrollment?.completedAt ? new Date(match.enrollment.completedAt).getTime() : Number.NaN,
  email: (match) => match.user.email,
  courseSlug: (match) => match.enrollment?.course ?? match.course!.slug,
};

/** What the record adds to the totals: the same values as its row. */
export function countedOf(match: CompletionMatch): CountedRow {
  return {
    courseSlug: matchSortKeys.courseSlug(match),
    course: matchSortKeys.course(match),
    structure: match.user.structure,
    status: match.status,
    measuredMinutes: match.enrollment ? measuredMinutes(match.enrollment) : 0,
    started: match.enrollment !== undefined,
  };
}
