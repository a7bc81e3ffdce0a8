// What the learner's path puts in the LRS outbox, wired in app.ts when LRS_ENDPOINT is set. Statements
// are built by the export's own builders (server/xapi/), so their ids are the ones HR exports.
import type { Course } from '../catalog/course.ts';
import type { Config } from '../config.ts';
import type { OnLearningRecorded } from '../learning/on-learning-recorded.ts';
import { enrollmentIn } from '../learning/queries.ts';
import type { Enrollment } from '../learning/schema.ts';
import type { Clock } from '../shared/clock.ts';
import type { AppTx } from '../store/app-collections.ts';
import { attemptStatements, completionStatement, readStatement, statementScope } from '../xapi/build-statements.ts';
import { queueStatements } from './queue-statements.ts';

type Settings = Pick<Config, 'baseUrl' | 'xapiActor'>;

async function scopeFor(tx: AppTx, userId: string, course: Course, config: Settings) {
  const [user, enrollment] = await Promise.all([tx.get('users', userId), enrollmentIn(tx, userId, course.slug)]);
  if (!user || !enrollment) return undefined;
  return statementScope(course, user, enrollment, { baseUrl: config.baseUrl, actorMode: config.xapiActor });
}

/** A module read for the first time (`experienced`), a quiz attempt (`attempted`, `answered`…, `passed`/`failed`). */
export function forwardLearning(config: Settings, clock: Clock): OnLearningRecorded {
  return async (tx, record, course) => {
    const userId = record.kind === 'read' ? record.progress.userId : record.attempt.userId;
    const scope = await scopeFor(tx, userId, course, config);
    if (!scope) return;
    const statements =
      record.kind === 'read' ? [readStatement(scope, record.progress)] : attemptStatements(scope, record.attempt);
    await queueStatements(
      tx,
      statements.filter((s) => s !== undefined),
      { userId, course: course.slug },
      clock(),
    );
  };
}

/** The course `completed`, in the transaction that completes it. */
export async function forwardCompletion(
  tx: AppTx,
  enrollment: Readonly<Enrollment>,
  course: Course,
  config: Settings,
  now: Date,
): Promise<void> {
  const scope = await scopeFor(tx, enrollment.userId, course, config);
  const statement = scope && completionStatement(scope, enrollment);
  if (statement) await queueStatements(tx, [statement], { userId: enrollment.userId, course: course.slug }, now);
}
