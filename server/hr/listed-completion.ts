import type { User } from '../accounts/schema.ts';
import { assignmentState } from '../assignments/assignment-status.ts';
import type { Course } from '../catalog/course.ts';
import type { Certificate } from '../certificates/schema.ts';
import type { Enrollment } from '../learning/schema.ts';
import type { CompletionRow, CompletionStatus } from './completion-row.ts';

/** A report row plus the ids the HR pages link to (learner page, certificate page, course filter). */
export type ListedCompletion = CompletionRow & {
  userId: string;
  courseSlug: string;
  certificateId: string | null;
};

/** What a report row shows of an account (the SQL source reads only these fields). */
export type ReportedUser = Pick<User, 'id' | 'name' | 'email' | 'matricule' | 'structure'>;
export type ReportedEnrollment = Pick<
  Enrollment,
  'course' | 'courseTitle' | 'courseVersion' | 'startedAt' | 'completedAt' | 'finalScore' | 'seconds'
>;
export type ReportedCertificate = Pick<Certificate, 'id' | 'status' | 'shortCode'> & {
  snapshot: Pick<Certificate['snapshot'], 'declaredMinutes'>;
};

/** The row's due date (null when the course is not assigned to this person, or without a date) and today. */
export interface RowDueDate {
  dueDate: string | null;
  /** The Paris day of the request, `2026-11-30`. */
  today: string;
}

// The row's fields that the dashboard also counts and sorts on before building any row (completion-match.ts):
// each is computed here only, for the built row and for the record it is built from.

/** Where a started course stands: completed (or revoked with its latest certificate), late, in progress. */
export function enrolledStatus(
  enrollment: Readonly<Pick<ReportedEnrollment, 'completedAt'>>,
  certificate: Readonly<Pick<ReportedCertificate, 'status'>> | undefined,
  { dueDate, today }: RowDueDate,
): CompletionStatus {
  if (enrollment.completedAt) return certificate?.status === 'revoked' ? 'revoked' : 'completed';
  return assignmentState(enrollment, dueDate, today) === 'late' ? 'late' : 'in_progress';
}

/** Where a course not started stands: late when assigned and past its due date. */
export function notStartedStatus({ dueDate, today }: RowDueDate): CompletionStatus {
  return assignmentState(undefined, dueDate, today) === 'late' ? 'late' : 'not_started';
}

/** The published title, or the one recorded at enrollment once the course is no longer published. */
export function courseTitle(course: Course | undefined, enrollment: Readonly<Pick<ReportedEnrollment, 'courseTitle'>>) {
  return course?.title ?? enrollment.courseTitle;
}

export function measuredMinutes(enrollment: Readonly<Pick<ReportedEnrollment, 'seconds'>>): number {
  return Math.round(enrollment.seconds / 60);
}

/** The row of a learner who started a course; `course` is undefined once it is no longer published. */
export function enrolledRow(
  course: Course | undefined,
  user: Readonly<ReportedUser>,
  enrollment: Readonly<ReportedEnrollment>,
  certificate: Readonly<ReportedCertificate> | undefined,
  { dueDate, today }: RowDueDate,
): ListedCompletion {
  return {
    name: user.name,
    email: user.email,
    matricule: user.matricule,
    structure: user.structure,
    course: courseTitle(course, enrollment),
    courseVersion: enrollment.courseVersion,
    status: enrolledStatus(enrollment, certificate, { dueDate, today }),
    startedAt: new Date(enrollment.startedAt),
    completedAt: enrollment.completedAt ? new Date(enrollment.completedAt) : null,
    measuredMinutes: measuredMinutes(enrollment),
    // An unpublished course keeps the duration its certificate stated.
    declaredMinutes: course?.declaredMinutes ?? certificate?.snapshot.declaredMinutes ?? 0,
    finalScore: enrollment.finalScore,
    certificateCode: certificate?.shortCode ?? null,
    certificateStatus: certificate?.status ?? null,
    dueDate,
    userId: user.id,
    courseSlug: enrollment.course,
    certificateId: certificate?.id ?? null,
  };
}

/** The row of a learner who has not started a published course. */
export function notStartedRow(
  course: Course,
  user: Readonly<ReportedUser>,
  { dueDate, today }: RowDueDate,
): ListedCompletion {
  return {
    name: user.name,
    email: user.email,
    matricule: user.matricule,
    structure: user.structure,
    course: course.title,
    courseVersion: course.version,
    status: notStartedStatus({ dueDate, today }),
    startedAt: null,
    completedAt: null,
    measuredMinutes: 0,
    declaredMinutes: course.declaredMinutes,
    finalScore: null,
    certificateCode: null,
    certificateStatus: null,
    dueDate,
    userId: user.id,
    courseSlug: course.slug,
    certificateId: null,
  };
}
