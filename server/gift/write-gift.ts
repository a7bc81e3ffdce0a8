import type { DocQuestion, DocQuiz } from './quiz-document.ts';

/**
 * GIFT's special characters (`~ = # { } :`) and the backslash itself are escaped with a backslash; a line
 * break inside a text is written `\n`, since a blank line ends a question.
 */
export function escapeGift(text: string): string {
  return text.replace(/[\\~=#{}:]/g, (c) => `\\${c}`).replace(/\r?\n/g, '\\n');
}

/** A category path segment: `/` separates levels, so a slash in a title is doubled, as Moodle reads it. */
const categorySegment = (title: string) => title.replace(/\r?\n/g, ' ').replace(/\//g, '//');

const feedback = (text: string) => (text ? `#${escapeGift(text)}` : '');
const explanation = (text: string) => (text ? `\t####${escapeGift(text)}\n` : '');

/** Moodle accepts these weights: an equal share of 100 % for each right choice, 5 decimals at most. */
function share(rightCount: number): string {
  return String(Number((100 / rightCount).toFixed(5)));
}

function answerBlock(question: DocQuestion): string {
  switch (question.kind) {
    case 'short':
      return `${question.answers.map((a) => `\t=${escapeGift(a)}\n`).join('')}${explanation(question.explanation)}`;
    case 'truefalse': {
      // {T#feedback if the learner is wrong#feedback if right}: Moodle's order.
      const right = question.choices.find((c) => c.correct)!;
      const wrong = question.choices.find((c) => !c.correct)!;
      const isTrue = right.text.trim().toLowerCase() === 'vrai';
      const feedbacks =
        right.feedback || wrong.feedback ? `#${escapeGift(wrong.feedback)}#${escapeGift(right.feedback)}` : '';
      return `\t${isTrue ? 'TRUE' : 'FALSE'}${feedbacks}\n${explanation(question.explanation)}`;
    }
    case 'single':
      return `${question.choices
        .map((c) => `\t${c.correct ? '=' : '~'}${escapeGift(c.text)}${feedback(c.feedback)}\n`)
        .join('')}${explanation(question.explanation)}`;
    case 'multiple': {
      const weight = share(question.choices.filter((c) => c.correct).length);
      return `${question.choices
        .map((c) => `\t~%${c.correct ? weight : '-100'}%${escapeGift(c.text)}${feedback(c.feedback)}\n`)
        .join('')}${explanation(question.explanation)}`;
    }
  }
}

/**
 * A course's quizzes in Moodle's GIFT format: one category per module (`$CATEGORY: $course$/top/<course>/
 * <module>`), each question with its Markdown text, every choice with its feedback, the explanation as
 * general feedback (`####`), multiple choices weighted as Moodle scores them.
 */
export function writeGift(courseTitle: string, quizzes: { moduleTitle: string; quiz: DocQuiz }[]): string {
  const out: string[] = [
    `// ${courseTitle.replace(/\r?\n/g, ' ')} — questions exportées de Passerelle (format GIFT)`,
    '',
  ];
  for (const { moduleTitle, quiz } of quizzes) {
    out.push(`$CATEGORY: $course$/top/${categorySegment(courseTitle)}/${categorySegment(moduleTitle)}`, '');
    quiz.questions.forEach((question, i) => {
      out.push(`::${escapeGift(`${moduleTitle} — question ${i + 1}`)}::[markdown]${escapeGift(question.prompt)} {`);
      out.push(`${answerBlock(question)}}`, '');
    });
  }
  return `${out.join('\n').trimEnd()}\n`;
}
