import type { DocQuestion } from './quiz-document.ts';

const oneLine = (text: string) => text.replace(/\s*\n\s*/g, ' ').trim();
const lines = (text: string) => text.split('\n').map((line) => line.trim());

/** Lines of Markdown after a marker, the next ones as continuation lines indented under it. */
function block(first: string, text: string, continuation: string): string[] {
  const [head = '', ...rest] = lines(text);
  return [`${first}${head}`, ...rest.map((line) => `${continuation}${line}`)];
}

/**
 * Questions as the `## Quiz` section of a module, in the course format (docs/authoring.md): what the
 * studio shows the trainer and the course checker reads.
 */
export function writeQuizMarkdown(title: string, questions: DocQuestion[]): string {
  const out = [title ? `## Quiz : ${oneLine(title)}` : '## Quiz', ''];
  questions.forEach((question, i) => {
    out.push(`${i + 1}. ${oneLine(question.prompt)}`);
    if (question.kind === 'short') for (const answer of question.answers) out.push(`   = ${oneLine(answer)}`);
    for (const choice of question.choices) {
      const mark = question.kind === 'multiple' ? (choice.correct ? '[x]' : '[ ]') : choice.correct ? '(x)' : '( )';
      out.push(`   - ${mark} ${oneLine(choice.text)}`);
      if (choice.feedback) out.push(...lines(choice.feedback).map((line) => `     > ${line}`));
    }
    if (question.explanation) out.push(...block('   Explication : ', question.explanation, '     '));
    out.push('');
  });
  return out.join('\n');
}
