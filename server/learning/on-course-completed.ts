import type { Course } from '../catalog/course.ts';
import type { AppTx } from '../store/app-collections.ts';
import type { Enrollment } from './schema.ts';

/**
 * Runs inside the transaction that completes a course, so that what a completion brings (the certificate)
 * is written in the same durable write while learning knows nothing of it: app.ts wires it.
 */
export type OnCourseCompleted = (tx: AppTx, enrollment: Readonly<Enrollment>, course: Course) => Promise<void>;

/**
 * Runs when a learner active in a course they already completed may now get its certificate: the course
 * sets `temps_minimum` and the certificate was held back until the measured time reaches it (a module view,
 * or « Obtenir mon attestation »). Resolves to the id of the certificate issued, if any.
 */
export type OnCompletedCourseActivity = (tx: AppTx, userId: string, course: Course) => Promise<string | undefined>;
