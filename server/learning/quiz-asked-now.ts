import type { Course, Module, Quiz } from '../catalog/course.ts';
import type { AppStore } from '../store/app-collections.ts';
import { quizFor } from './draw-questions.ts';
import { attemptsOn } from './queries.ts';

/** The quiz a learner is answering now: the whole quiz, or this attempt's draw from its bank. */
export async function quizAskedNow(store: AppStore, userId: string, course: Course, module: Module): Promise<Quiz> {
  if (!module.quiz?.draw) return module.quiz!;
  const attempts = await attemptsOn(store, userId, course.slug, module.slug);
  return quizFor(course, module, userId, attempts.length);
}
