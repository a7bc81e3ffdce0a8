import { IssueList } from '../catalog/course-issue.ts';
import { type DraftQuestion, readQuizLines } from '../catalog/read-quiz-lines.ts';
import { splitQuizSection } from '../catalog/split-quiz-section.ts';
import type { DocChoice, DocQuestion, GiftIssue } from './quiz-document.ts';

const isTrueFalse = (choices: DocChoice[]) =>
  choices.length === 2 &&
  choices
    .map((c) => c.text.trim().toLowerCase())
    .sort()
    .join() === 'faux,vrai';

function docQuestion(draft: DraftQuestion): DocQuestion {
  const choices = draft.choices.map((c) => ({ text: c.text, correct: c.correct, feedback: c.feedback.join('\n') }));
  const kind: DocQuestion['kind'] =
    draft.answers.length > 0
      ? 'short'
      : draft.choices[0]?.kind === 'checkbox'
        ? 'multiple'
        : isTrueFalse(choices)
          ? 'truefalse'
          : 'single';
  return {
    kind,
    prompt: draft.prompt.join(' '),
    choices,
    answers: draft.answers.map((a) => a.text),
    explanation: draft.explanation.join('\n'),
    line: draft.line,
  };
}

/**
 * The `## Quiz` section of a module's Markdown, as the trainer wrote it, read by the course checker's own
 * line reader (server/catalog/read-quiz-lines.ts) so both accept exactly the same quizzes; the Markdown of
 * prompts, feedback and explanations is kept instead of rendered. Any line the checker would refuse is
 * reported with its number. GIFT has no place for a quiz's introduction, a question's group, objectives or
 * tolerance: Moodle gets the questions alone.
 */
export function readQuizSource(
  markdown: string,
  firstLineOfBody = 1,
): { title: string; questions: DocQuestion[]; issues: GiftIssue[] } | undefined {
  const { quiz } = splitQuizSection(markdown);
  if (!quiz) return undefined;
  const issues = new IssueList('');
  const { drafts } = readQuizLines(quiz.lines, firstLineOfBody + quiz.headingIndex + 1, issues);
  return {
    title: quiz.title,
    questions: drafts.filter((draft) => !draft.broken).map(docQuestion),
    issues: issues.items.map(({ line, message }) => ({ line, message })),
  };
}
