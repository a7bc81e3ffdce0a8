import type { User } from '../../accounts/schema.ts';
import { parisDate } from '../../assignments/assignment-status.ts';
import { activeAssignments, assignmentProgress } from '../../assignments/queries.ts';
import type { Assignment } from '../../assignments/schema.ts';
import type { Config } from '../../config.ts';
import { enqueueEmail } from '../../mail/enqueue-email.ts';
import { digestEmail } from '../../mail/messages/digest-email.ts';
import { reminderEmail } from '../../mail/messages/reminder-email.ts';
import { senderOf } from '../../mail/sender-of.ts';
import type { Clock } from '../../shared/clock.ts';
import type { AppStore } from '../../store/app-collections.ts';
import { loadTree } from '../../structures/queries.ts';
import { inScope, scopeOf } from '../../structures/scope.ts';
import { reminderDay } from '../reminder-schedule.ts';
import type { MailPreference } from '../schema.ts';
import { unsubscribeToken } from '../unsubscribe-token.ts';
import { sendCommitmentReminders } from './send-commitment-reminders.ts';

export interface DailyJobDeps {
  store: AppStore;
  clock: Clock;
  config: Config;
  /** Signs the unsubscribe links (unsubscribe-token.ts). */
  unsubscribeKey: Buffer;
  /** The retention periods, applied after the reminders (wired in main.ts): how many rows went. */
  retention?: () => Promise<number>;
}

export interface DailyJobResult {
  reminders: number;
  digests: number;
  /** Reminders of personal commitments (send-commitment-reminders.ts). */
  commitments: number;
  /** Rows removed by the retention periods. */
  removed: number;
}

type Due = { assignment: Readonly<Assignment>; person: Readonly<User>; day: string; late: boolean };

const batchSize = 100;

/** The daily job: reminders and digest (with e-mail configured), then the retention periods. */
export async function runDailyJob(deps: DailyJobDeps): Promise<DailyJobResult> {
  const sent = deps.config.mail ? await sendReminders(deps) : { reminders: 0, digests: 0, commitments: 0 };
  return { ...sent, removed: deps.retention ? await deps.retention() : 0 };
}

/**
 * Reminders of assigned trainings that are due today by the schedule, the HR digest of overdue ones
 * to those who asked for it, and the reminders learners asked for about their commitments.
 * Idempotent: each message has a deterministic notice id,
 * written with the message in one transaction, so running it twice (or on two instances) sends nothing
 * twice. Nothing happens without e-mail configured.
 */
async function sendReminders(deps: DailyJobDeps): Promise<Omit<DailyJobResult, 'removed'>> {
  const { store, config } = deps;
  const now = deps.clock();
  const today = parisDate(now);
  const preferences = new Map<string, Readonly<MailPreference>>();
  for await (const row of store.all('mailPreferences')) preferences.set(row.id, row);

  const due: Due[] = [];
  // Where each late person works, so each HR digest counts its own scope only.
  const lateByAssignment: { assignment: Readonly<Assignment>; lateIn: string[] }[] = [];
  // Read once: assignments to a structure reach below it, and each digest counts its recipient's scope.
  const tree = await loadTree(store);
  for (const assignment of await activeAssignments(store)) {
    if (!assignment.dueDate) continue;
    const people = await assignmentProgress(store, assignment, today, tree);
    const lateIn = people.filter((p) => p.state === 'late').map((p) => p.person.structure);
    if (lateIn.length > 0) lateByAssignment.push({ assignment, lateIn });
    if (config.reminders.max === 0) continue;
    const day = reminderDay(assignment.dueDate, today, parisDate(new Date(assignment.createdAt)), config.reminders);
    if (!day) continue;
    for (const { person, state } of people) {
      if (state === 'done' || state === 'doneLate') continue;
      if (preferences.get(person.id)?.reminders === false) continue;
      due.push({ assignment, person, day, late: state === 'late' });
    }
  }

  let reminders = 0;
  for (let i = 0; i < due.length; i += batchSize) {
    reminders += await store.transact(async (tx) => {
      let sent = 0;
      for (const { assignment, person, day, late } of due.slice(i, i + batchSize)) {
        const id = `reminder:${assignment.id}:${person.id}:${day}`;
        if (await tx.get('notices', id)) continue;
        const before = (await tx.findBy('notices', 'userId', person.id)).filter(
          (n) => n.assignmentId === assignment.id,
        );
        if (before.length >= config.reminders.max) continue;
        tx.put('notices', {
          id,
          kind: 'reminder',
          userId: person.id,
          assignmentId: assignment.id,
          scheduledDate: day,
          sentAt: now.toISOString(),
        });
        const content = reminderEmail({
          baseUrl: config.baseUrl,
          course: assignment.course,
          courseTitle: assignment.courseTitle,
          dueDate: assignment.dueDate!,
          late,
          unsubscribeUrl: `${config.baseUrl}/unsubscribe/${unsubscribeToken(deps.unsubscribeKey, person.id)}`,
          ...(await senderOf(tx, person.structure, config)),
        });
        enqueueEmail(tx, { ...content, kind: 'reminder', to: person.email, userId: person.id }, now);
        sent += 1;
      }
      return sent;
    });
  }

  let digests = 0;
  if (lateByAssignment.length > 0) {
    for (const preference of preferences.values()) {
      if (!preference.hrDigest) continue;
      const recipient = await store.get('users', preference.id);
      if (!recipient) continue;
      const scope = await scopeOf(store, recipient, ['hr', 'admin'], tree);
      const lines = lateByAssignment
        .map(({ assignment, lateIn }) => ({
          courseTitle: assignment.courseTitle,
          dueDate: assignment.dueDate!,
          late: lateIn.filter((structure) => inScope(scope, structure)).length,
        }))
        .filter((line) => line.late > 0);
      if (lines.length === 0) continue;
      const content = digestEmail({ baseUrl: config.baseUrl, lines, org: config.org.name });
      digests += await store.transact(async (tx) => {
        const person = await tx.get('users', preference.id);
        const id = `digest:${preference.id}:${today}`;
        if (!person?.active || (await tx.get('notices', id))) return 0;
        tx.put('notices', {
          id,
          kind: 'digest',
          userId: person.id,
          assignmentId: null,
          scheduledDate: today,
          sentAt: now.toISOString(),
        });
        enqueueEmail(tx, { ...content, kind: 'digest', to: person.email, userId: person.id }, now);
        return 1;
      });
    }
  }
  const commitments = await sendCommitmentReminders(deps, now);
  return { reminders, digests, commitments };
}
