import type { FunderInfo } from './funder-fields.ts';

/** The catalog's domain types: what the loader produces once, at start-up, from the course files. */

import type { JobAid } from './job-aid.ts';

export const questionTypes = ['single', 'multiple', 'truefalse', 'short'] as const;
export type QuestionType = (typeof questionTypes)[number];

export interface Choice {
  /** Stable within a course version: `c1`, `c2`… in authored order. */
  id: string;
  text: string;
  html: string;
  correct: boolean;
  feedbackHtml: string;
}

export interface Question {
  /** `q1`, `q2`… in authored order. */
  id: string;
  number: number;
  type: QuestionType;
  promptHtml: string;
  /** Plain text of the prompt, for reports and item analysis. */
  prompt: string;
  choices: Choice[];
  /** Accepted short answers, already normalised. */
  answers: string[];
  /** The first accepted answer as the trainer wrote it, shown in corrections. */
  answerText: string;
  /** Typing errors forgiven in a short answer of 6 letters or more without digits (match-short-answer.ts); 0 otherwise. */
  typoTolerance: number;
  /** From `Groupe :`: a drawn quiz asks at least one question of each group. */
  group: string | undefined;
  /** From `Objectif :`: the numbers (from 1) of the course objectives it measures; empty when untagged. */
  objectives: number[];
  explanationHtml: string;
  line: number;
}

export interface Quiz {
  title: string;
  /** Line of the `## Quiz` heading in the module file. */
  line: number;
  introHtml: string;
  questions: Question[];
  passMark: number;
  /** 0 means unlimited. */
  maxAttempts: number;
  /** Questions drawn per attempt from the bank (`tirage`); undefined asks them all. */
  draw: number | undefined;
  shuffle: boolean;
  /** Minutes to wait after an attempt before the next one (`delai_entre_tentatives`); 0 means none. */
  retryDelayMinutes: number;
}

export interface TocEntry {
  id: string;
  text: string;
  level: number;
}

export interface Module {
  slug: string;
  file: string;
  position: number;
  title: string;
  objectives: string[];
  minutes: number;
  easyRead: boolean;
  isFinal: boolean;
  /** The positioning quiz (`positionnement`): taken first, measures each objective before the course, never counted for completion. */
  positioning: boolean;
  /** Sanitised HTML before and after the quiz section. */
  htmlBefore: string;
  htmlAfter: string;
  toc: TocEntry[];
  quiz: Quiz | undefined;
}

export interface Course {
  slug: string;
  dir: string;
  title: string;
  summary: string;
  audience: string;
  objectives: string[];
  declaredMinutes: number;
  passMark: number;
  version: number;
  authors: string[];
  /** Code of the structure that offers the course to itself and everything below it (the root: to all). */
  structure: string;
  cover: { url: string; alt: string } | undefined;
  /** `temps_minimum`: measured minutes required before the certificate is issued. */
  minimumMinutes: number | undefined;
  /** What a funder checks (prerequisites, modalities, accessibility…), from funder-fields.ts. */
  funder: FunderInfo;
  introHtml: string;
  modules: Module[];
  /** From `fiche.md`, when the course has one: the page to print at the end of the course. */
  jobAid: JobAid | undefined;
  /** Hash of every file of the course: attempts and certificates record it so history is never rewritten. */
  contentHash: string;
}

export interface Catalog {
  courses: Course[];
  bySlug: Map<string, Course>;
}
