import type { Response } from 'express';
import type { Course } from '../catalog/course.ts';
import type { MessageKey } from '../i18n/fr.ts';
import type { Clock } from '../shared/clock.ts';
import type { AppStore } from '../store/app-collections.ts';
import { attemptsExhausted, retryWaitUntil } from './attempt-rules.ts';
import { quizFor } from './draw-questions.ts';
import { cachedModulePage } from './module-page-cache.ts';
import { moduleView, moduleViewLocals } from './module-view-locals.ts';
import { attemptsOn, finalAttempted } from './queries.ts';
import { retryWaitText } from './retry-wait-text.ts';
import { shuffleFor } from './shuffle-for.ts';

/**
 * Sends a module page: its reading, then its quiz as this reader may use it (sign in, answer, or no
 * attempt left). The quiz POST sends it again with the learner's answers and what is missing.
 */
export async function renderModulePage(
  deps: { store: AppStore; clock: Clock },
  res: Response,
  course: Course,
  index: number,
  extra: { previousAnswers?: Record<string, unknown>; quizErrors?: Record<string, MessageKey> } = {},
): Promise<void> {
  const module = course.modules[index]!;
  const user = res.locals.user;
  const attempts = user && module.quiz ? await attemptsOn(deps.store, user.id, course.slug, module.slug) : undefined;
  let quizState: Record<string, unknown> = {};
  let stateKey = 'read-only';
  let waiting: Date | undefined;
  if (module.quiz && attempts) {
    // Not taken before the final assessment: closed (a « before » measured after would mislead).
    const closed = module.positioning && attempts.length === 0 && (await finalAttempted(deps.store, user!.id, course));
    const exhausted = attemptsExhausted(module.quiz, attempts) || closed;
    waiting = exhausted ? undefined : retryWaitUntil(module.quiz, attempts, deps.clock());
    quizState = {
      attempts,
      quizAction: exhausted || waiting ? undefined : `/courses/${course.slug}/${module.slug}/quiz`,
      exhausted,
      positioningClosed: closed,
      ...(waiting && { retryWait: retryWaitText(module.quiz, waiting) }),
    };
    stateKey = closed ? 'closed' : exhausted ? 'exhausted' : 'can-answer';
  }
  // A drawn quiz differs per learner and per attempt, like a shuffled one: never from the shared cache.
  const shuffled = Boolean(user && (module.quiz?.shuffle || module.quiz?.draw));
  const asked = module.quiz?.draw ? quizFor(course, module, user?.id, attempts?.length ?? 0) : undefined;
  const locals = () => ({
    ...moduleViewLocals(course, index, { order: user ? shuffleFor(user.id) : undefined, quiz: asked }),
    ...quizState,
  });
  // The page as every reader of this kind sees it, rendered once (module-page-cache.ts); answers shown
  // again after an error and per-learner choice orders are rendered in full.
  // A wait names its own end: that page is rendered in full too.
  if (!extra.previousAnswers && !extra.quizErrors && !shuffled && !waiting && res.app.enabled('view cache')) {
    const page = await cachedModulePage(res, { course, module, locals, stateKey, user, attempts });
    res.set({ 'Content-Type': 'text/html; charset=utf-8', ETag: page.etag }).send(page.body);
    return;
  }
  res.render(moduleView, { ...locals(), ...extra });
}
