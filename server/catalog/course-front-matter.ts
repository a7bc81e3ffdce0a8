import { z } from 'zod';
import { structureCodePattern } from '../structures/schema.ts';
import { funderFields } from './funder-fields.ts';
import { parseDuration } from './parse-duration.ts';
import { RetryDelay } from './retry-delay.ts';

const Text = z.string().trim().min(1).max(300);
const TextList = z.array(Text).min(1).max(30);

/** A declared duration, in minutes once parsed. */
const Duration = z.union([z.number(), z.string()]).transform((value, ctx) => {
  const minutes = parseDuration(value);
  if (minutes === null) {
    ctx.addIssue({
      code: 'custom',
      message: `durée « ${value} » illisible. Écrivez par exemple « 45 min », « 1 h 30 » ou un nombre de minutes.`,
    });
    return z.NEVER;
  }
  return minutes;
});

const Percent = z.number().int().min(0).max(100);

/** Front matter of `course.md`. Keys are French because trainers write them. */
export const CourseFrontMatter = z.strictObject({
  /** Title shown in the catalog and on certificates. */
  titre: Text,
  /** One or two sentences for the catalog. */
  resume: z.string().trim().min(1).max(600),
  /** Who the course is for. */
  public: Text,
  /** What learners will be able to do; printed on certificates. */
  objectifs: TextList,
  /** Declared duration, in minutes after parsing; printed on certificates. */
  duree: Duration,
  /** Pass mark (percent) of the course's quizzes unless a quiz sets its own. */
  seuil_reussite: Percent.default(80),
  /** Published version number, incremented at each publication. */
  version: z.number().int().min(1).default(1),
  /** Authors' names. */
  auteurs: TextList,
  /**
   * Code of the structure the course belongs to: offered to it and everything below it. Absent: the
   * network's, offered to all.
   */
  structure: z
    .string()
    .trim()
    .toLowerCase()
    .regex(structureCodePattern, 'code de structure invalide : lettres minuscules, chiffres et tirets')
    .optional(),
  /** Optional cover image inside the course folder, with its text alternative. */
  couverture: z.strictObject({ image: Text, alt: Text }).optional(),
  /** Measured time a learner must reach before the certificate is issued (minutes after parsing). */
  temps_minimum: Duration.optional(),
  ...funderFields,
});
export type CourseFrontMatter = z.infer<typeof CourseFrontMatter>;

/** Optional quiz settings of a module. */
export const QuizSettings = z.strictObject({
  /** Pass mark in percent. */
  seuil: Percent.optional(),
  /** Maximum attempts; 0 means unlimited. */
  tentatives: z.number().int().min(0).max(100).optional(),
  /** Shuffle the order of choices for each learner. */
  melanger: z.boolean().optional(),
  /** Questions drawn at random for each attempt, out of all the quiz's questions (a question bank). */
  tirage: z.number().int().min(1).max(100).optional(),
  /** Wait after an attempt before the next one (retry-delay.ts), in minutes once parsed. */
  delai_entre_tentatives: RetryDelay.optional(),
});
export type QuizSettings = z.infer<typeof QuizSettings>;

/** Front matter of a module file `NN-slug.md`. */
export const ModuleFrontMatter = z.strictObject({
  titre: Text,
  objectifs: TextList,
  /** Estimated reading and quiz time, in minutes after parsing. */
  duree: Duration,
  /** Marks a module written in easy-to-read style (FALC). */
  facile_a_lire: z.boolean().optional(),
  /** Marks the final assessment, whose pass gates course completion and the certificate. */
  evaluation_finale: z.boolean().optional(),
  /** Marks the positioning quiz, taken before the other modules and never counted (check-positioning.ts). */
  positionnement: z.boolean().optional(),
  quiz: QuizSettings.optional(),
});
export type ModuleFrontMatter = z.infer<typeof ModuleFrontMatter>;
