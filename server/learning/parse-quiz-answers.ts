import type { Quiz } from '../catalog/course.ts';
import type { MessageKey } from '../i18n/fr.ts';
import type { Answer } from './schema.ts';

export type QuizAnswersResult =
  | { ok: true; answers: Record<string, Answer> }
  | { ok: false; answers: Record<string, Answer>; errors: Record<string, MessageKey> };

/** Longest short answer kept: the form's own `maxlength`. */
const shortAnswerMax = 200;

/**
 * Reads a submitted quiz form against the quiz itself: only known questions and choices are kept,
 * and every question must be answered (the page is re-rendered with the answers given so far).
 */
export function parseQuizAnswers(quiz: Quiz, body: unknown): QuizAnswersResult {
  const input = (body ?? {}) as Record<string, unknown>;
  const answers: Record<string, Answer> = {};
  const errors: Record<string, MessageKey> = {};
  for (const q of quiz.questions) {
    const raw = input[q.id];
    const values = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter(
      (v): v is string => typeof v === 'string',
    );
    if (q.type === 'short') {
      const text = (values[0] ?? '').trim().slice(0, shortAnswerMax);
      if (text) answers[q.id] = text;
      else errors[q.id] = 'quiz.error.short';
      continue;
    }
    const known = new Set(q.choices.map((c) => c.id));
    const picked = [...new Set(values.filter((v) => known.has(v)))];
    if (picked.length === 0) {
      errors[q.id] = q.type === 'multiple' ? 'quiz.error.multiple' : 'quiz.error.choice';
    } else {
      answers[q.id] = q.type === 'multiple' ? picked : picked[0]!;
    }
  }
  return Object.keys(errors).length > 0 ? { ok: false, answers, errors } : { ok: true, answers };
}
