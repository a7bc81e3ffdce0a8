const quizHeading = /^##\s+quiz\b\s*(?:[:—–-]\s*(.*?))?\s*#*\s*$/i;
const sectionHeading = /^#{1,2}\s/;
const fence = /^\s{0,3}(```|~~~)/;

export interface QuizSection {
  title: string;
  /** Index (0-based, in the body) of the `## Quiz` line. */
  headingIndex: number;
  /** Lines of the quiz, after the heading, up to the next level-1 or level-2 heading. */
  lines: string[];
}

/** Finds the `## Quiz` section of a module body, ignoring anything inside code fences. */
export function splitQuizSection(body: string): { before: string; quiz: QuizSection | undefined; after: string } {
  const lines = body.split('\n');
  let inFence = false;
  let start = -1;
  let end = lines.length;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (fence.test(line)) inFence = !inFence;
    if (inFence) continue;
    if (start === -1) {
      if (quizHeading.test(line)) start = i;
    } else if (sectionHeading.test(line)) {
      end = i;
      break;
    }
  }
  if (start === -1) return { before: body, quiz: undefined, after: '' };
  const title = quizHeading.exec(lines[start]!)?.[1]?.trim() ?? '';
  return {
    before: lines.slice(0, start).join('\n'),
    quiz: { title, headingIndex: start, lines: lines.slice(start + 1, end) },
    after: lines.slice(end).join('\n'),
  };
}
