import type { Response } from 'express';
import type { Course } from '../catalog/course.ts';
import { choiceIdsOf } from '../catalog/quiz-form.ts';
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
      // Sent back with the answers: the same form sent twice makes one attempt (sent-again.ts).
      attemptsBefore: attempts.length,
      exhausted,
      positioningClosed: closed,
      ...(waiting && { retryWait: retryWaitText(module.quiz, waiting) }),
    };
    stateKey = closed ? 'closed' : exhausted ? 'exhausted' : 'can-answer';
  }
  // A drawn quiz asks each learner other questions: never from the shared cache.
  const drawn = Boolean(user && module.quiz?.draw);
  const asked = module.quiz?.draw ? quizFor(course, module, user?.id, attempts?.length ?? 0) : undefined;
  const order = user ? shuffleFor(user.id) : undefined;
  const locals = (reader: typeof order) => ({
    ...moduleViewLocals(course, index, { order: reader, quiz: asked }),
    ...quizState,
  });
  // The page as every reader of this kind sees it, rendered once (module-page-cache.ts), with a shuffled
  // quiz's choices put in this learner's order; answers shown again after an error are rendered in full.
  // A wait names its own end: that page is rendered in full too.
  if (!extra.previousAnswers && !extra.quizErrors && !drawn && !waiting && res.app.enabled('view cache')) {
    // Only the order of each question's choices, not the whole form (that was ~2 % of a page's CPU).
    const quiz = module.quiz;
    const choiceOrder =
      order && quiz?.shuffle
        ? (questionId: string) => {
            const question = quiz.questions.find((q) => q.id === questionId);
            return question && choiceIdsOf(quiz, question, order);
          }
        : undefined;
    const req = res.req;
    const page = await cachedModulePage(res, {
      course,
      module,
      locals: () => locals(undefined),
      stateKey,
      user,
      attempts,
      choiceOrder,
    });
    // setHeader, not res.set: the type already names its charset, which res.set would look up again.
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('ETag', page.etag);
    res.vary('Accept-Encoding');
    // Gzip joined from pieces deflated once costs a few µs where compressing the page would cost about as
    // much as building it; browsers that also take brotli get it too (compress-responses.ts skips an
    // answer that is already encoded). No Accept-Encoding at all takes none: no negotiation to run.
    const takesGzip = req.headers['accept-encoding'] !== undefined && req.acceptsEncodings('gzip') === 'gzip';
    const gzipped = takesGzip ? page.gzipped() : undefined;
    if (gzipped) res.setHeader('Content-Encoding', 'gzip').send(gzipped);
    else res.send(page.body);
    return;
  }
  res.render(moduleView, { ...locals(order), ...extra });
}
