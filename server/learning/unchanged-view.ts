import type { Course, Module } from '../catalog/course.ts';
import type { AppTx } from '../store/app-collections.ts';
import { enrollmentIn, moduleProgress } from './queries.ts';
import { creditsNothingUnderMs } from './time-credit.ts';

/**
 * Whether viewing `module` now would change nothing but move « last seen » forward by less than half a
 * second (a reload, a double click): the learner's last recorded view in this course was this module,
 * already read, in this version of the course, and the gap credits no time. Such a view records nothing,
 * as if it had not reached the store: writing it cost a durable journal record, and checking completion
 * again read every module's progress (docs/decisions/026-module-page-cpu.md). Nothing is lost: the next
 * view at least half a second later measures its gap from the last recorded one and credits it then (such
 * sub-second gaps used to be rounded to 0 s and dropped), and checks completion. A gap of 0 (the same
 * instant) would write rows identical to the stored ones; a clock going backwards is recorded as before.
 */
export async function unchangedView(
  tx: AppTx,
  input: { userId: string; course: Course; module: Module; now: Date },
): Promise<boolean> {
  const { userId, course, module, now } = input;
  const enrollment = await enrollmentIn(tx, userId, course.slug);
  if (!enrollment || enrollment.lastModule !== module.slug || enrollment.courseTitle !== course.title) return false;
  const gap = now.getTime() - Date.parse(enrollment.lastSeenAt);
  if (!(gap >= 0 && gap < creditsNothingUnderMs)) return false;
  const current = await moduleProgress(tx, userId, course.slug, module.slug);
  return Boolean(
    current?.readAt && current.courseVersion === course.version && current.contentHash === course.contentHash,
  );
}
