import type { Course } from './course.ts';

/**
 * The course with every rendering done now instead of on first use (render-once.ts): plain data, which a
 * worker can send to the main thread. Spreading an object reads its getters, which renders. `onFile` is
 * told each file (by its name in the course folder) before its rendering starts.
 */
export function renderCourseNow(course: Course, onFile: (file: string) => void = () => {}): Course {
  onFile('course.md');
  return {
    ...course,
    cover: course.cover && { ...course.cover },
    jobAid: course.jobAid && { ...course.jobAid },
    modules: course.modules.map((module) => {
      onFile(module.file);
      return {
        ...module,
        toc: module.toc.map((entry) => ({ ...entry })),
        quiz: module.quiz && {
          ...module.quiz,
          questions: module.quiz.questions.map((question) => ({
            ...question,
            choices: question.choices.map((choice) => ({ ...choice })),
          })),
        },
      };
    }),
  };
}
