import { recordAudit } from '../../audit/record-audit.ts';
import type { Clock } from '../../shared/clock.ts';
import type { AppStore } from '../../store/app-collections.ts';
import { AssignmentNotFoundError } from '../errors.ts';

/** Withdraws an assignment: it leaves everyone's « À faire » (what people completed stays). Audited. */
export async function withdrawAssignment(
  input: { actorId: string; assignmentId: string },
  { store, clock }: { store: AppStore; clock: Clock },
): Promise<void> {
  const now = clock();
  await store.transact(async (tx) => {
    const assignment = await tx.get('assignments', input.assignmentId);
    if (assignment?.status !== 'active') throw new AssignmentNotFoundError(input.assignmentId);
    tx.put('assignments', {
      ...assignment,
      status: 'withdrawn',
      withdrawnAt: now.toISOString(),
      withdrawnBy: input.actorId,
    });
    recordAudit(tx, {
      at: now,
      actorId: input.actorId,
      action: 'assignment.withdrawn',
      target: assignment.id,
      details: { course: assignment.course },
    });
  });
}
