import type { Catalog } from '../catalog/course.ts';
import { translate } from '../i18n/translate.ts';
import { NotFoundError } from '../shared/errors.ts';
import type { AppStore } from '../store/app-collections.ts';
import type { CompletionsSource } from './completions-source.ts';
import type { ListedCompletion } from './listed-completion.ts';
import { attemptsByCourse, certificatesOfLearner, findAccount } from './queries.ts';

export interface LearnerPageDeps {
  store: AppStore;
  completions: CompletionsSource;
  catalog: Catalog;
}

/** One person's courses for HR: times, quiz attempts, best scores, certificates, and the courses not started. */
export async function learnerPage(userId: string, deps: LearnerPageDeps) {
  const learner = await findAccount(deps.store, userId);
  if (!learner) throw new NotFoundError(`no account ${userId}`);
  const rows: ListedCompletion[] = [];
  for await (const row of deps.completions.list({ userId, sort: 'course' })) rows.push(row);
  return {
    title: translate('hr.learner.title', { name: learner.name }),
    noindex: true,
    learner,
    rows,
    attempts: await attemptsByCourse(deps.store, userId),
    certificates: await certificatesOfLearner(deps.store, userId),
    notStarted: deps.catalog.courses.filter((course) => !rows.some((row) => row.courseSlug === course.slug)),
  };
}
