import type { Question, QuestionType } from './course.ts';
import type { IssueList } from './course-issue.ts';
import type { QuestionText } from './course-text.ts';
import { questionFromText } from './module-from-text.ts';
import { normalizeAnswer } from './normalize-answer.ts';
import { type DraftQuestion, readQuizLines } from './read-quiz-lines.ts';
import { type RenderContext, renderMarkdown } from './render-markdown.ts';
import { renderOnce } from './render-once.ts';

/**
 * Reads the lines of a `## Quiz` section. Line-oriented on purpose: every question, choice and
 * answer keeps its exact line number, so errors point where the trainer must look.
 */
export function parseQuiz(
  lines: string[],
  firstLine: number,
  ctx: RenderContext,
  issues: IssueList,
  courseObjectives?: number,
): { introHtml: string; questions: Question[] } {
  const { intro, questions } = readQuiz(lines, firstLine, issues, courseObjectives);
  const introHtml = renderOnce(() => renderMarkdown(intro, ctx).html);
  return {
    get introHtml() {
      return introHtml();
    },
    questions: questions.map((question) => questionFromText(question, ctx)),
  };
}

/** The same checks as parseQuiz, giving the quiz's text (course-text.ts) instead of rendered questions. */
export function readQuiz(
  lines: string[],
  firstLine: number,
  issues: IssueList,
  courseObjectives?: number,
): { intro: string; questions: QuestionText[] } {
  const { drafts, intro } = readQuizLines(lines, firstLine, issues, courseObjectives);
  if (drafts.length === 0) {
    issues.add(
      firstLine - 1,
      'le quiz ne contient aucune question. Numérotez chaque question : « 1. Votre question ? ».',
    );
  }
  const questions = drafts.flatMap((draft, i) => {
    const question = draft.broken ? null : buildQuestion(draft, i + 1, issues);
    return question ? [question] : [];
  });
  return { intro: intro.join('\n'), questions };
}

function buildQuestion(draft: DraftQuestion, number: number, issues: IssueList): QuestionText | null {
  const label = `question ${number}`;
  const before = issues.count;
  const keys = draft.choices.map((c) => normalizeAnswer(c.text));
  const correctCount = draft.choices.filter((c) => c.correct).length;

  if (draft.tolerance && draft.choices.length > 0)
    issues.add(
      draft.tolerance.line,
      `${label} : « Tolérance : » ne s'applique qu'aux réponses courtes « = … ». Retirez cette ligne.`,
    );
  if (draft.choices.length === 0 && draft.answers.length === 0) {
    issues.add(
      draft.line,
      `${label} : aucune réponse n'est proposée. Ajoutez des choix « - ( ) … » ou des réponses courtes « = … ».`,
    );
  } else if (draft.choices.length > 0 && draft.answers.length > 0) {
    issues.add(
      draft.answers[0]!.line,
      `${label} : mélange de choix et de réponses courtes « = ». Gardez l'un ou l'autre.`,
    );
  } else if (draft.choices.length > 0) {
    if (draft.choices.length < 2) issues.add(draft.line, `${label} : il faut au moins deux choix.`);
    if (correctCount === 0)
      issues.add(draft.line, `${label} : aucune bonne réponse n'est cochée. Cochez au moins un choix avec (x) ou [x].`);
    if (draft.choices[0]!.kind === 'radio' && correctCount > 1)
      issues.add(
        draft.line,
        `${label} : ${correctCount} bonnes réponses sont cochées avec (x) alors qu'une seule est possible. Pour plusieurs bonnes réponses, utilisez [x].`,
      );
    const seen = new Set<string>();
    for (const [i, choice] of draft.choices.entries()) {
      const key = keys[i]!;
      if (choice.text === '') issues.add(choice.line, `${label} : un choix est vide.`);
      else if (seen.has(key)) issues.add(choice.line, `${label} : le choix « ${choice.text} » est écrit deux fois.`);
      seen.add(key);
    }
  } else {
    if (draft.tolerance && draft.tolerance.value > 0 && draft.answers.some((a) => /\p{N}/u.test(a.text)))
      issues.add(
        draft.tolerance.line,
        `${label} : une réponse contient un nombre, qui doit être tapé exactement. Écrivez « Tolérance : 0 » ou retirez cette ligne.`,
      );
    for (const answer of draft.answers) {
      if (normalizeAnswer(answer.text) === '')
        issues.add(answer.line, `${label} : la réponse courte est vide ; écrivez la réponse attendue après « = ».`);
    }
  }
  if (issues.count > before) return null;

  const type = questionType(draft, keys);
  const promptMarkdown = draft.prompt.join(' ');
  return {
    id: `q${number}`,
    number,
    type,
    prompt: promptMarkdown.replace(/[*_`]/g, ''),
    promptMarkdown,
    choices: draft.choices.map((c, i) => ({ id: `c${i + 1}`, text: c.text, correct: c.correct, feedback: c.feedback })),
    answers: [...new Set(draft.answers.map((a) => normalizeAnswer(a.text)))],
    answerText: draft.answers[0]?.text ?? '',
    typoTolerance: type === 'short' ? (draft.tolerance?.value ?? 1) : 0,
    group: draft.group,
    objectives: draft.objectives,
    explanation: draft.explanation,
    line: draft.line,
  };
}

/** `keys`: the choices' texts, normalised. */
function questionType(draft: DraftQuestion, keys: string[]): QuestionType {
  if (draft.answers.length > 0) return 'short';
  if (draft.choices[0]?.kind === 'checkbox') return 'multiple';
  const texts = [...keys].sort();
  return texts.length === 2 && texts[0] === 'faux' && texts[1] === 'vrai' ? 'truefalse' : 'single';
}
