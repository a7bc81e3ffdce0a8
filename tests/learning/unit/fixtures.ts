import type { Choice, Course, Question, QuestionType, Quiz } from '../../../server/catalog/course.ts';
import type { Enrollment, ModuleProgress } from '../../../server/learning/schema.ts';

/** A question of this type whose right choices are `right` (choice ids c1, c2, c3) or whose accepted answers are `answers`. */
export function question(
  id: string,
  type: QuestionType,
  key: { right?: string[]; answers?: string[]; objectives?: number[] } = {},
): Question {
  const choices: Choice[] =
    type === 'short'
      ? []
      : ['c1', 'c2', 'c3'].map((c) => ({
          id: c,
          text: c,
          html: c,
          correct: key.right?.includes(c) ?? false,
          feedbackHtml: '',
        }));
  return {
    id,
    number: Number(id.slice(1)),
    type,
    promptHtml: id,
    prompt: id,
    choices,
    answers: key.answers ?? [],
    answerText: key.answers?.[0] ?? '',
    typoTolerance: type === 'short' ? 1 : 0,
    group: undefined,
    objectives: key.objectives ?? [],
    explanationHtml: '',
    line: 1,
  };
}

export function quiz(questions: Question[], options: Partial<Quiz> = {}): Quiz {
  return {
    title: 'Quiz',
    line: 1,
    introHtml: '',
    questions,
    passMark: 70,
    maxAttempts: 0,
    shuffle: false,
    draw: undefined,
    retryDelayMinutes: 0,
    ...options,
  };
}

/** A course of modules given as `slug: title`; a `quiz` module has a one-question quiz, a `final` one is the final assessment. */
export function course(
  slug: string,
  title: string,
  modules: { slug: string; title: string; quiz?: boolean; final?: boolean }[],
): Course {
  return {
    slug,
    title,
    modules: modules.map((m, i) => ({
      slug: m.slug,
      title: m.title,
      position: i + 1,
      isFinal: m.final ?? false,
      quiz: m.quiz || m.final ? quiz([question('q1', 'single', { right: ['c1'] })]) : undefined,
    })),
  } as Course;
}

export function enrollment(userId: string, course: string, fields: Partial<Enrollment> = {}): Enrollment {
  return {
    id: `${userId}|${course}`,
    userId,
    course,
    courseTitle: course,
    courseVersion: 1,
    contentHash: 'hash',
    startedAt: '2026-11-23T09:00:00.000Z',
    lastSeenAt: '2026-11-23T09:00:00.000Z',
    lastModule: '',
    completedAt: null,
    finalScore: null,
    seconds: 0,
    ...fields,
  };
}

/** A learner's progress row in a module: read unless said otherwise, passed when `passedAt` is given. */
export function progress(
  userId: string,
  course: string,
  module: string,
  fields: Partial<ModuleProgress> = {},
): ModuleProgress {
  return {
    id: `${userId}|${course}|${module}`,
    userId,
    course,
    module,
    courseVersion: 1,
    contentHash: 'hash',
    firstSeenAt: '2026-11-23T09:00:00.000Z',
    lastSeenAt: '2026-11-23T09:00:00.000Z',
    seconds: 0,
    readAt: '2026-11-23T09:00:00.000Z',
    passedAt: null,
    bestScore: null,
    ...fields,
  };
}
