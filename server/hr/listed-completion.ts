import type { User } from '../accounts/schema.ts';
import { assignmentState } from '../assignments/assignment-status.ts';
import type { Course } from '../catalog/course.ts';
import type { Certificate } from '../certificates/schema.ts';
import type { Enrollment } from '../learning/schema.ts';
import type { CompletionRow } from './completion-row.ts';

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

/** The row of a learner who started a course; `course` is undefined once it is no longer published. */
export function enrolledRow(
  course: Course | undefined,
  user: Readonly<ReportedUser>,
  enrollment: Readonly<ReportedEnrollment>,
  certificate: Readonly<ReportedCertificate> | undefined,
  { dueDate, today }: RowDueDate,
): ListedCompletion {
  const status = enrollment.completedAt
    ? certificate?.status === 'revoked'
      ? 'revoked'
      : 'completed'
    : assignmentState(enrollment, dueDate, today) === 'late'
      ? 'late'
      : 'in_progress';
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
    measuredMinutes: Math.round(enrollment.seconds / 60),
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
    status: assignmentState(undefined, dueDate, today) === 'late' ? 'late' : 'not_started',
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
