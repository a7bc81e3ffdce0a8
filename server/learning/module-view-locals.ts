import type { Course, Quiz } from '../catalog/course.ts';
import { toQuizForm } from '../catalog/quiz-form.ts';
import { formatDelayFr } from '../i18n/format-delay-fr.ts';
import { translate } from '../i18n/translate.ts';

/** The learners' course and module templates, also rendered by the studio's previews. */
export const courseView = 'learning/course';
export const moduleView = 'learning/module';

/**
 * What views/learning/module.ejs needs to show a module to someone who cannot answer its quiz yet: the
 * module page adds a learner's quiz state to it, the studio's previews use it as it is.
 */
export function moduleViewLocals(
  course: Course,
  index: number,
  reader: {
    /** Orders a question's choices for this reader (shuffled quizzes); authored order otherwise. */
    order?: (ids: string[], questionId: string) => string[];
    /** Where the quiz's "sign in to answer" link goes; the sign-in page, back to this module, by default. */
    signInHref?: string;
    /** The questions this reader is asked, when the quiz draws from a bank; the whole quiz by default. */
    quiz?: Quiz;
  } = {},
): Record<string, unknown> {
  const module = course.modules[index]!;
  return {
    title: `${module.title} — ${course.title}`,
    course,
    module,
    position: index + 1,
    previous: course.modules[index - 1],
    next: course.modules[index + 1],
    quiz: module.quiz ? toQuizForm(reader.quiz ?? module.quiz, reader.order) : undefined,
    retryRule: module.quiz?.retryDelayMinutes
      ? translate('assessment.wait.rule', { delay: formatDelayFr(module.quiz.retryDelayMinutes) })
      : undefined,
    signInHref: reader.signInHref ?? `/login?next=${encodeURIComponent(`/courses/${course.slug}/${module.slug}`)}`,
  };
}
