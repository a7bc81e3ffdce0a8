import type { Catalog } from '../catalog/course.ts';
import { translate } from '../i18n/translate.ts';
import { NotFoundError } from '../shared/errors.ts';
import type { AppStore } from '../store/app-collections.ts';
import { inScope, type View } from '../structures/scope.ts';
import type { CompletionsSource } from './completions-source.ts';
import type { ListedCompletion } from './listed-completion.ts';
import { attemptsByCourse, certificatesOfLearner, findAccount } from './queries.ts';

export interface LearnerPageDeps {
  store: AppStore;
  completions: CompletionsSource;
  catalog: Catalog;
  /** What the person asking reaches: someone outside it does not exist for them. */
  view?: View;
}

/** One person's courses for HR: times, quiz attempts, best scores, certificates, and the courses not started. */
export async function learnerPage(userId: string, deps: LearnerPageDeps) {
  const learner = await findAccount(deps.store, userId);
  if (!learner || (deps.view && !inScope(deps.view.scope, learner.structure)))
    throw new NotFoundError(`no account ${userId}`);
  const rows: ListedCompletion[] = [];
  for await (const row of deps.completions.list({ userId, sort: 'course' })) rows.push(row);
  return {
    title: translate('hr.learner.title', { name: learner.name }),
    noindex: true,
    learner,
    structureName: deps.view?.tree.byCode.get(learner.structure)?.name ?? learner.structure,
    rows,
    attempts: await attemptsByCourse(deps.store, userId),
    certificates: await certificatesOfLearner(deps.store, userId),
    notStarted: deps.catalog.courses.filter((course) => !rows.some((row) => row.courseSlug === course.slug)),
  };
}
