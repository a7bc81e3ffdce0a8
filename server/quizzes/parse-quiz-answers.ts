import type { Quiz } from '../catalog/course.ts';
import type { Answer } from '../learning/schema.ts';

export type QuizAnswersResult =
  | { ok: true; answers: Record<string, Answer> }
  | { ok: false; answers: Record<string, Answer>; errors: Record<string, string> };

/**
 * Reads a submitted quiz form against the quiz itself: only known questions and choices are kept,
 * and every question must be answered (the page is re-rendered with the answers given so far).
 */
export function parseQuizAnswers(quiz: Quiz, body: unknown): QuizAnswersResult {
  const input = (body ?? {}) as Record<string, unknown>;
  const answers: Record<string, Answer> = {};
  const errors: Record<string, string> = {};
  for (const q of quiz.questions) {
    const raw = input[q.id];
    const values = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter(
      (v): v is string => typeof v === 'string',
    );
    if (q.type === 'short') {
      const text = (values[0] ?? '').trim().slice(0, 200);
      if (text) answers[q.id] = text;
      else errors[q.id] = 'Écrivez une réponse à cette question.';
      continue;
    }
    const known = new Set(q.choices.map((c) => c.id));
    const picked = [...new Set(values.filter((v) => known.has(v)))];
    if (picked.length === 0) {
      errors[q.id] = q.type === 'multiple' ? 'Cochez au moins une réponse.' : 'Choisissez une réponse.';
    } else {
      answers[q.id] = q.type === 'multiple' ? picked : picked[0]!;
    }
  }
  return Object.keys(errors).length > 0 ? { ok: false, answers, errors } : { ok: true, answers };
}
