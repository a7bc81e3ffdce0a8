import { objectiveLine } from '../catalog/quiz-syntax.ts';
import { splitQuizSection } from '../catalog/split-quiz-section.ts';
import type { DocChoice, DocQuestion, GiftIssue } from './quiz-document.ts';

const questionLine = /^(\d{1,3})[.)]\s+(.+)$/;
const choiceLine = /^[-*+]\s+(\(([ xX]?)\)|\[([ xX]?)\])\s*(.*)$/;
const feedbackLine = /^>\s?(.*)$/;
const explanationLine = /^explication\s*:\s*(.*)$/i;
const answerLine = /^=\s*(.*)$/;

interface Draft extends DocQuestion {
  checkbox: boolean;
  feedbackLines: string[][];
  explanationLines: string[];
  last: 'prompt' | 'choice' | 'feedback' | 'answer' | 'explanation';
}

const isTrueFalse = (choices: DocChoice[]) =>
  choices.length === 2 &&
  choices
    .map((c) => c.text.trim().toLowerCase())
    .sort()
    .join() === 'faux,vrai';

/**
 * The `## Quiz` section of a module's Markdown, as the trainer wrote it: the same line grammar as the
 * course checker (server/catalog/parse-quiz.ts), keeping the Markdown of prompts, feedback and
 * explanations instead of rendering it. A line it cannot place is reported with its number.
 */
export function readQuizSource(
  markdown: string,
  firstLineOfBody = 1,
): { title: string; questions: DocQuestion[]; issues: GiftIssue[] } | undefined {
  const { quiz } = splitQuizSection(markdown);
  if (!quiz) return undefined;
  const issues: GiftIssue[] = [];
  const drafts: Draft[] = [];
  let current: Draft | undefined;
  quiz.lines.forEach((rawLine, index) => {
    const line = firstLineOfBody + quiz.headingIndex + 1 + index;
    const indent = rawLine.length - rawLine.trimStart().length;
    const text = rawLine.trim();
    if (text === '') return;
    const q = indent < 3 ? questionLine.exec(text) : null;
    if (q) {
      current = {
        kind: 'single',
        prompt: q[2]!,
        choices: [],
        answers: [],
        explanation: '',
        line,
        checkbox: false,
        feedbackLines: [],
        explanationLines: [],
        last: 'prompt',
      };
      drafts.push(current);
      return;
    }
    if (!current) return; // the quiz's introduction: GIFT has no place for it
    const choice = choiceLine.exec(text);
    const feedback = feedbackLine.exec(text);
    const explanation = explanationLine.exec(text);
    const answer = answerLine.exec(text);
    if (choice) {
      current.checkbox = choice[3] !== undefined;
      current.choices.push({
        text: choice[4]!.trim(),
        correct: (choice[2] ?? choice[3] ?? '').toLowerCase() === 'x',
        feedback: '',
      });
      current.feedbackLines.push([]);
      current.last = 'choice';
    } else if (feedback && current.choices.length > 0 && (current.last === 'choice' || current.last === 'feedback')) {
      current.feedbackLines.at(-1)!.push(feedback[1]!);
      current.last = 'feedback';
    } else if (explanation) {
      current.explanationLines.push(explanation[1]!);
      current.last = 'explanation';
    } else if (answer) {
      current.answers.push(answer[1]!.trim());
      current.last = 'answer';
    } else if (objectiveLine.test(text)) {
      // GIFT has no place for the course objective a question measures: Moodle gets the question alone.
    } else if (indent >= 2 && current.last === 'prompt') current.prompt += ` ${text}`;
    else if (indent >= 2 && current.last === 'explanation') current.explanationLines.push(text);
    else if (indent >= 2 && current.last === 'feedback') current.feedbackLines.at(-1)!.push(text);
    else issues.push({ line, message: `ligne non reconnue dans le quiz : « ${text.slice(0, 60)} ».` });
  });
  const questions = drafts.map(({ checkbox, feedbackLines, explanationLines, last: _last, ...question }) => {
    const choices = question.choices.map((c, i) => ({ ...c, feedback: feedbackLines[i]!.join('\n') }));
    const kind: DocQuestion['kind'] =
      question.answers.length > 0 ? 'short' : checkbox ? 'multiple' : isTrueFalse(choices) ? 'truefalse' : 'single';
    return { ...question, kind, choices, explanation: explanationLines.join('\n') };
  });
  return { title: quiz.title, questions, issues };
}
