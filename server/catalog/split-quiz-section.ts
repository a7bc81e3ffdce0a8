// Each test below is anchored and has a single repetition, so it costs time in proportion to the line: a
// heading such as `## quiz` followed by thousands of spaces must not stall the server (see quizTitle).
import { linesOutsideCodeFences } from './lines-outside-code-fences.ts';

const quizHeadingStart = /^##\s+quiz\b/i;
const sectionHeading = /^#{1,2}\s/;
const titleSeparators = [':', '—', '–', '-'];

export interface QuizSection {
  title: string;
  /** Index (0-based, in the body) of the `## Quiz` line. */
  headingIndex: number;
  /** Lines of the quiz, after the heading, up to the next level-1 or level-2 heading. */
  lines: string[];
}

/**
 * The title of a `## Quiz`, `## Quiz : title` or `## Quiz — title ##` heading line, or undefined when the
 * line is not a quiz heading. Written as string operations: the single regular expression it replaces had
 * three adjacent optional spaces and took seconds on a few kilobytes.
 */
export function quizTitle(line: string): string | undefined {
  const start = quizHeadingStart.exec(line);
  if (!start) return undefined;
  // A closing sequence of `#` may end the heading, with spaces around it.
  const rest = withoutClosingHashes(line.slice(start[0].length).trimEnd()).trim();
  if (rest === '') return '';
  if (!titleSeparators.includes(rest[0]!)) return undefined;
  return rest.slice(1).trim();
}

function withoutClosingHashes(text: string): string {
  let end = text.length;
  while (end > 0 && text[end - 1] === '#') end--;
  return text.slice(0, end);
}

/** Finds the `## Quiz` section of a module body, ignoring anything inside code fences. */
export function splitQuizSection(body: string): { before: string; quiz: QuizSection | undefined; after: string } {
  const lines = body.split('\n');
  let start = -1;
  let title = '';
  let end = lines.length;
  for (const [i, line] of linesOutsideCodeFences(lines)) {
    if (start === -1) {
      const found = quizTitle(line);
      if (found !== undefined) {
        start = i;
        title = found;
      }
    } else if (sectionHeading.test(line)) {
      end = i;
      break;
    }
  }
  if (start === -1) return { before: body, quiz: undefined, after: '' };
  return {
    before: lines.slice(0, start).join('\n'),
    quiz: { title, headingIndex: start, lines: lines.slice(start + 1, end) },
    after: lines.slice(end).join('\n'),
  };
}
