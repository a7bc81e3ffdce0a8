import type { QuestionType, Quiz } from '../catalog/course.ts';
import { matchShortAnswer } from '../catalog/match-short-answer.ts';
import { normalizeAnswer } from '../catalog/normalize-answer.ts';
import type { Attempt } from '../learning/schema.ts';

export interface ChoiceStat {
  id: string;
  html: string;
  correct: boolean;
  count: number;
  /** Percent of the attempts that answered the question. */
  rate: number;
}

export interface ShortAnswerStat {
  /** Normalised like the grader does (case, accents, spaces and punctuation around). */
  text: string;
  count: number;
  rate: number;
  accepted: boolean;
  /** Accepted only thanks to the typo tolerance: the trainer may add it as an answer, or reword. */
  nearMiss: boolean;
}

export interface QuestionStat {
  id: string;
  number: number;
  type: QuestionType;
  promptHtml: string;
  answered: number;
  succeeded: number;
  successRate: number;
  choices: ChoiceStat[];
  shortAnswers: ShortAnswerStat[];
  /** A wrong choice picked at least as often as the least picked right one: the question may mislead. */
  misleadingChoice: ChoiceStat | undefined;
}

const percent = (count: number, total: number) => (total === 0 ? 0 : Math.round((count / total) * 100));

const isAnswered = (answer: unknown) =>
  Array.isArray(answer) ? answer.length > 0 : typeof answer === 'string' && answer.trim() !== '';

/**
 * Per-question statistics of one quiz version from its attempts (every attempt counts, retries included):
 * how many answered, how often each choice was picked, the success rate, the most frequent short answers.
 * Only pass attempts taken on this very version: question and choice ids change meaning between versions.
 */
export function analyseItems(quiz: Quiz, attempts: readonly Pick<Attempt, 'answers' | 'correct'>[]): QuestionStat[] {
  return quiz.questions.map((q) => {
    const given = attempts.map((a) => a.answers[q.id]).filter(isAnswered);
    const answered = given.length;
    const succeeded = attempts.filter((a) => isAnswered(a.answers[q.id]) && a.correct[q.id] === true).length;
    const choices = q.choices.map((c) => {
      const count = given.filter((g) => (Array.isArray(g) ? g.includes(c.id) : g === c.id)).length;
      return { id: c.id, html: c.html, correct: c.correct, count, rate: percent(count, answered) };
    });
    const counts = new Map<string, number>();
    if (q.type === 'short') {
      for (const g of given) {
        const text = normalizeAnswer(String(g));
        counts.set(text, (counts.get(text) ?? 0) + 1);
      }
    }
    const shortAnswers = [...counts]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, 5)
      .map(([text, count]) => {
        const match = matchShortAnswer(q, text);
        return {
          text,
          count,
          rate: percent(count, answered),
          accepted: match !== undefined,
          nearMiss: match === 'near',
        };
      });
    const rightRates = choices.filter((c) => c.correct).map((c) => c.count);
    const leastRight = rightRates.length > 0 ? Math.min(...rightRates) : 0;
    const worstWrong = choices.filter((c) => !c.correct).sort((a, b) => b.count - a.count)[0];
    return {
      id: q.id,
      number: q.number,
      type: q.type,
      promptHtml: q.promptHtml,
      answered,
      succeeded,
      successRate: percent(succeeded, answered),
      choices,
      shortAnswers,
      misleadingChoice: worstWrong && worstWrong.count > 0 && worstWrong.count >= leastRight ? worstWrong : undefined,
    };
  });
}
