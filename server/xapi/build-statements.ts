import type { User } from '../accounts/schema.ts';
import type { Course } from '../catalog/course.ts';
import type { Attempt, Enrollment, ModuleProgress } from '../learning/schema.ts';
import { courseActivity, moduleActivity, questionActivity, questionActivityId, quizActivity } from './activities.ts';
import { statementId } from './statement-id.ts';
import { courseVersionExtension, language, verbs } from './vocabulary.ts';

/** How learners are named in statements: an opaque account by default, the e-mail only when configured. */
export type ActorMode = 'account' | 'email';

export interface LearnerRecord {
  user: Pick<User, 'id' | 'name' | 'email'>;
  enrollment: Readonly<Enrollment>;
  progress: readonly Readonly<ModuleProgress>[];
  attempts: readonly Readonly<Attempt>[];
}

export interface StatementSettings {
  baseUrl: string;
  actorMode: ActorMode;
}

export function actorOf(user: LearnerRecord['user'], settings: StatementSettings) {
  return settings.actorMode === 'email'
    ? { objectType: 'Agent' as const, name: user.name, mbox: `mailto:${user.email}` }
    : { objectType: 'Agent' as const, account: { homePage: settings.baseUrl, name: user.id } };
}

const response = (answer: string | string[] | undefined) =>
  Array.isArray(answer) ? answer.join('[,]') : (answer ?? '');

/** A statement as sent: an object with its stable id and its timestamp, the rest as xAPI has it. */
export type Statement = { id: string; timestamp: string; [key: string]: unknown };

/** What every statement of one learner in one course shares: who, the course, the registration. */
export interface StatementScope {
  baseUrl: string;
  course: Course;
  actor: ReturnType<typeof actorOf>;
  courseObject: ReturnType<typeof courseActivity>;
  registration: string;
}

export function statementScope(
  course: Course,
  user: LearnerRecord['user'],
  enrollment: Pick<Enrollment, 'id'>,
  settings: StatementSettings,
): StatementScope {
  return {
    baseUrl: settings.baseUrl,
    course,
    actor: actorOf(user, settings),
    courseObject: courseActivity(settings.baseUrl, course),
    registration: statementId(`registration:${enrollment.id}`),
  };
}

const contextOf = (scope: StatementScope, version: number, parent: object[], grouping: object[] = []) => ({
  registration: scope.registration,
  ...(parent.length ? { contextActivities: { parent, ...(grouping.length ? { grouping } : {}) } } : {}),
  platform: 'Passerelle',
  language,
  extensions: { [courseVersionExtension(scope.baseUrl)]: version },
});

const moduleOf = (course: Course, slug: string) =>
  course.modules.find((m) => m.slug === slug) ?? { slug, title: slug, quiz: undefined };

/** `experienced`: the module was read (none while it has not been). */
export function readStatement(scope: StatementScope, progress: Readonly<ModuleProgress>): Statement | undefined {
  if (!progress.readAt) return undefined;
  const { baseUrl, course } = scope;
  return {
    id: statementId(`experienced:${progress.id}`),
    actor: scope.actor,
    verb: verbs.experienced,
    object: moduleActivity(baseUrl, course.slug, moduleOf(course, progress.module)),
    result: { duration: `PT${progress.seconds}S` },
    context: contextOf(scope, progress.courseVersion, [scope.courseObject]),
    timestamp: progress.readAt,
  };
}

/** A quiz attempt: `attempted`, one `answered` per question with the response and its success, then `passed` or `failed`. */
export function attemptStatements(scope: StatementScope, attempt: Readonly<Attempt>): Statement[] {
  const { baseUrl, course, actor, courseObject } = scope;
  const module = moduleOf(course, attempt.module);
  const quiz = quizActivity(baseUrl, course.slug, module, module.quiz?.title || module.title);
  const sameVersion = attempt.courseVersion === course.version;
  const timestamp = attempt.createdAt;
  const moduleContext = contextOf(
    scope,
    attempt.courseVersion,
    [moduleActivity(baseUrl, course.slug, module)],
    [courseObject],
  );
  const statements: Statement[] = [
    {
      id: statementId(`attempted:${attempt.id}`),
      actor,
      verb: verbs.attempted,
      object: quiz,
      context: moduleContext,
      timestamp,
    },
  ];
  for (const [questionId, success] of Object.entries(attempt.correct)) {
    const question = sameVersion ? module.quiz?.questions.find((q) => q.id === questionId) : undefined;
    statements.push({
      id: statementId(`answered:${attempt.id}:${questionId}`),
      actor,
      verb: verbs.answered,
      object: question
        ? questionActivity(baseUrl, course.slug, module.slug, question)
        : { objectType: 'Activity', id: questionActivityId(baseUrl, course.slug, module.slug, questionId) },
      result: { success, response: response(attempt.answers[questionId]) },
      context: contextOf(scope, attempt.courseVersion, [quiz], [courseObject]),
      timestamp,
    });
  }
  statements.push({
    id: statementId(`${attempt.passed ? 'passed' : 'failed'}:${attempt.id}`),
    actor,
    verb: attempt.passed ? verbs.passed : verbs.failed,
    object: quiz,
    result: {
      score: { scaled: attempt.score / 100, raw: attempt.score, min: 0, max: 100 },
      success: attempt.passed,
      completion: true,
    },
    context: moduleContext,
    timestamp,
  });
  return statements;
}

/** `completed`: the course, with the final score when there is one (none while it is not completed). */
export function completionStatement(scope: StatementScope, enrollment: Readonly<Enrollment>): Statement | undefined {
  if (!enrollment.completedAt) return undefined;
  const score = enrollment.finalScore;
  return {
    id: statementId(`completed:${enrollment.id}`),
    actor: scope.actor,
    verb: verbs.completed,
    object: scope.courseObject,
    result: {
      completion: true,
      success: true,
      ...(score === null ? {} : { score: { scaled: score / 100, raw: score, min: 0, max: 100 } }),
    },
    context: contextOf(scope, enrollment.courseVersion, []),
    timestamp: enrollment.completedAt,
  };
}

/**
 * One learner's path through a course as xAPI statements, oldest first: modules read, each quiz attempt
 * and the course completed. Ids are name-based UUIDs of the stored rows, so exporting twice gives the
 * same statements, and the forwarder (server/lrs/) sends the same ids as it builds them one event at a time.
 */
export function buildStatements(course: Course, record: LearnerRecord, settings: StatementSettings): Statement[] {
  const scope = statementScope(course, record.user, record.enrollment, settings);
  const statements = [
    ...record.progress.map((progress) => readStatement(scope, progress)),
    ...record.attempts.flatMap((attempt) => attemptStatements(scope, attempt)),
    completionStatement(scope, record.enrollment),
  ].filter((statement) => statement !== undefined);
  // Stable: statements of one moment keep the order above (attempted, answers, result).
  return statements
    .map((statement, order) => ({ statement, order }))
    .sort((a, b) => a.statement.timestamp.localeCompare(b.statement.timestamp) || a.order - b.order)
    .map(({ statement }) => statement);
}
