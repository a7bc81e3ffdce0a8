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

/**
 * One learner's path through a course as xAPI statements, oldest first: modules read (`experienced`), each
 * quiz attempt (`attempted`, one `answered` per question with the response and its success, then `passed`
 * or `failed` with the score), and the course `completed`. Ids are name-based UUIDs of the stored rows,
 * so exporting twice gives the same statements.
 */
export function buildStatements(course: Course, record: LearnerRecord, settings: StatementSettings) {
  const { baseUrl } = settings;
  const actor = actorOf(record.user, settings);
  const courseObject = courseActivity(baseUrl, course);
  const registration = statementId(`registration:${record.enrollment.id}`);
  const context = (version: number, parent: object[], grouping: object[] = []) => ({
    registration,
    ...(parent.length ? { contextActivities: { parent, ...(grouping.length ? { grouping } : {}) } } : {}),
    platform: 'Passerelle',
    language,
    extensions: { [courseVersionExtension(baseUrl)]: version },
  });
  const moduleOf = (slug: string) =>
    course.modules.find((m) => m.slug === slug) ?? { slug, title: slug, quiz: undefined };
  const statements: { timestamp: string; order: number; [key: string]: unknown }[] = [];
  let order = 0;
  const add = (statement: { id: string; timestamp: string; [key: string]: unknown }) =>
    statements.push({ ...statement, actor, order: order++ });

  for (const progress of record.progress) {
    if (!progress.readAt) continue;
    add({
      id: statementId(`experienced:${progress.id}`),
      verb: verbs.experienced,
      object: moduleActivity(baseUrl, course.slug, moduleOf(progress.module)),
      result: { duration: `PT${progress.seconds}S` },
      context: context(progress.courseVersion, [courseObject]),
      timestamp: progress.readAt,
    });
  }
  for (const attempt of record.attempts) {
    const module = moduleOf(attempt.module);
    const quiz = quizActivity(baseUrl, course.slug, module, module.quiz?.title || module.title);
    const sameVersion = attempt.courseVersion === course.version;
    const timestamp = attempt.createdAt;
    add({
      id: statementId(`attempted:${attempt.id}`),
      verb: verbs.attempted,
      object: quiz,
      context: context(attempt.courseVersion, [moduleActivity(baseUrl, course.slug, module)], [courseObject]),
      timestamp,
    });
    for (const [questionId, success] of Object.entries(attempt.correct)) {
      const question = sameVersion ? module.quiz?.questions.find((q) => q.id === questionId) : undefined;
      add({
        id: statementId(`answered:${attempt.id}:${questionId}`),
        verb: verbs.answered,
        object: question
          ? questionActivity(baseUrl, course.slug, module.slug, question)
          : { objectType: 'Activity', id: questionActivityId(baseUrl, course.slug, module.slug, questionId) },
        result: { success, response: response(attempt.answers[questionId]) },
        context: context(attempt.courseVersion, [quiz], [courseObject]),
        timestamp,
      });
    }
    add({
      id: statementId(`${attempt.passed ? 'passed' : 'failed'}:${attempt.id}`),
      verb: attempt.passed ? verbs.passed : verbs.failed,
      object: quiz,
      result: {
        score: { scaled: attempt.score / 100, raw: attempt.score, min: 0, max: 100 },
        success: attempt.passed,
        completion: true,
      },
      context: context(attempt.courseVersion, [moduleActivity(baseUrl, course.slug, module)], [courseObject]),
      timestamp,
    });
  }
  const { enrollment } = record;
  if (enrollment.completedAt) {
    const score = enrollment.finalScore;
    add({
      id: statementId(`completed:${enrollment.id}`),
      verb: verbs.completed,
      object: courseObject,
      result: {
        completion: true,
        success: true,
        ...(score === null ? {} : { score: { scaled: score / 100, raw: score, min: 0, max: 100 } }),
      },
      context: context(enrollment.courseVersion, []),
      timestamp: enrollment.completedAt,
    });
  }
  return statements
    .sort((a, b) => a.timestamp.localeCompare(b.timestamp) || a.order - b.order)
    .map(({ order: _order, ...statement }) => statement);
}
