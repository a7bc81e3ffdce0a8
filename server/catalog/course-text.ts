import type { Module, Question, Quiz } from './course.ts';
import type { CourseFrontMatter } from './course-front-matter.ts';
import type { JobAid } from './job-aid.ts';

/**
 * A validated course before any rendering: plain data (JSON as it is), with the Markdown of each page where
 * the catalog's course has HTML rendered on first use. Checking the files gives this; course-from-text.ts
 * turns it into the catalog's course; the catalog cache keeps it between starts (catalog-cache.ts).
 */
export interface CourseText {
  front: CourseFrontMatter;
  /** Markdown of course.md's body. */
  intro: string;
  modules: ModuleText[];
  jobAid: JobAidText | undefined;
  contentHash: string;
}

export interface ModuleText extends Omit<Module, 'htmlBefore' | 'htmlAfter' | 'toc' | 'quiz'> {
  /** Markdown before and after the quiz section. */
  before: string;
  after: string;
  quiz: QuizText | undefined;
}

export interface QuizText extends Omit<Quiz, 'introHtml' | 'questions'> {
  intro: string;
  questions: QuestionText[];
}

export interface QuestionText extends Omit<Question, 'promptHtml' | 'choices' | 'explanationHtml'> {
  promptMarkdown: string;
  choices: ChoiceText[];
  /** Lines of the explanation; none when the question has no explanation. */
  explanation: string[];
}

export interface ChoiceText {
  id: string;
  text: string;
  correct: boolean;
  /** Lines of the choice's feedback; none when it has no feedback. */
  feedback: string[];
}

export type JobAidText = Omit<JobAid, 'html'>;
