import type { Course } from '../catalog/course.ts';
import { toQuizForm } from '../catalog/quiz-form.ts';
import { previewSignInHref } from './render-learner-view.ts';

/**
 * What views/courses/module.ejs needs, as renderModulePage builds it for a visitor, but never with a quiz
 * action or attempts: a preview shows the quiz and cannot submit it.
 */
export function moduleViewLocals(course: Course, index: number): Record<string, unknown> {
  const module = course.modules[index]!;
  return {
    title: `${module.title} — ${course.title}`,
    course,
    module,
    position: index + 1,
    previous: course.modules[index - 1],
    next: course.modules[index + 1],
    quiz: module.quiz ? toQuizForm(module.quiz) : undefined,
    quizAction: undefined,
    attempts: undefined,
    exhausted: false,
    signInHref: previewSignInHref,
  };
}
