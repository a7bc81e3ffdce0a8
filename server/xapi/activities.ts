import type { Course, Module, Question } from '../catalog/course.ts';
import { activityTypes, language } from './vocabulary.ts';

// Activity ids are the addresses of the course, the module and its quiz under BASE_URL.

export const courseActivityId = (baseUrl: string, course: string) => `${baseUrl}/courses/${course}`;
export const moduleActivityId = (baseUrl: string, course: string, module: string) =>
  `${baseUrl}/courses/${course}/${module}`;
export const quizActivityId = (baseUrl: string, course: string, module: string) =>
  `${moduleActivityId(baseUrl, course, module)}/quiz`;
export const questionActivityId = (baseUrl: string, course: string, module: string, question: string) =>
  `${quizActivityId(baseUrl, course, module)}/${question}`;

const text = (value: string) => ({ [language]: value });

export function courseActivity(baseUrl: string, course: Pick<Course, 'slug' | 'title' | 'summary'>) {
  return {
    objectType: 'Activity' as const,
    id: courseActivityId(baseUrl, course.slug),
    definition: {
      type: activityTypes.course,
      name: text(course.title),
      ...(course.summary ? { description: text(course.summary) } : {}),
    },
  };
}

export function moduleActivity(baseUrl: string, course: string, module: Pick<Module, 'slug' | 'title'>) {
  return {
    objectType: 'Activity' as const,
    id: moduleActivityId(baseUrl, course, module.slug),
    definition: { type: activityTypes.module, name: text(module.title) },
  };
}

export function quizActivity(baseUrl: string, course: string, module: Pick<Module, 'slug' | 'title'>, title: string) {
  return {
    objectType: 'Activity' as const,
    id: quizActivityId(baseUrl, course, module.slug),
    definition: { type: activityTypes.assessment, name: text(title), description: text(module.title) },
  };
}

/** A question as an xAPI interaction: `choice` for the three choice types, `fill-in` for short answers. */
export function questionActivity(baseUrl: string, course: string, module: string, question: Question) {
  const base = {
    type: activityTypes.interaction,
    name: text(`Question ${question.number}`),
    description: text(question.prompt),
  };
  const definition =
    question.type === 'short'
      ? { ...base, interactionType: 'fill-in', correctResponsesPattern: [question.answerText] }
      : {
          ...base,
          interactionType: 'choice',
          correctResponsesPattern: [
            question.choices
              .filter((c) => c.correct)
              .map((c) => c.id)
              .join('[,]'),
          ],
          choices: question.choices.map((c) => ({ id: c.id, description: text(c.text) })),
        };
  return { objectType: 'Activity' as const, id: questionActivityId(baseUrl, course, module, question.id), definition };
}
