import { recordAudit } from '../audit/record-audit.ts';
import type { Actor, StudioContext } from './studio-context.ts';

/** Records, alone in its transaction, who changed a course's folders and how (`course.imported`…). */
export async function auditCourseChange(
  ctx: StudioContext,
  actor: Actor,
  action: string,
  slug: string,
  details?: Record<string, unknown>,
): Promise<void> {
  await ctx.store.transact((tx) => {
    recordAudit(tx, { at: ctx.clock(), actorId: actor.id, action, target: slug, details });
  });
}
