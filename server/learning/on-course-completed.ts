import type { Course } from '../catalog/course.ts';
import type { AppTx } from '../store/app-collections.ts';
import type { Enrollment } from './schema.ts';

/**
 * Runs inside the transaction that completes a course, so that what a completion brings (the certificate)
 * is written in the same durable write while learning knows nothing of it: app.ts wires it.
 */
export type OnCourseCompleted = (tx: AppTx, enrollment: Readonly<Enrollment>, course: Course) => Promise<void>;
