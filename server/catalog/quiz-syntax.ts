// The line patterns of the quiz syntax, shared by the quiz parser and the check that looks for quiz lines
// outside the quiz (where they would be shown to learners with their answers). Each pattern is anchored with
// at most one unbounded repetition, so a test costs time in proportion to the line.

/** `- ( ) text`, `- (x) text`, `- [ ] text`, `- [x] text`. */
export const choiceLine = /^[-*+]\s+(\(([ xX]?)\)|\[([ xX]?)\])\s*(.*)$/;
/** A choice marker glued to its dash: `-( )`, `-(x)`, `-[ ]`, `-[x]`. */
export const gluedChoiceLine = /^([-*+])([([][ xX]?[)\]])\s*(.*)$/;
/** A choice with a marker the parser does not know, such as `- (v)`, `- ( x )` or `- [*]`. */
export const oddChoiceLine = /^[-*+]\s*([([][^()[\]]{0,3}[)\]])\s*(.*)$/;
export const feedbackLine = /^>\s?(.*)$/;
export const explanationLine = /^explications?\s*:\s*(.*)$/i;
export const answerLine = /^=\s*(.*)$/;
/** `Groupe : nom`: the question's group, for a draw that covers every group. */
export const groupLine = /^groupe\s*:\s*(.*)$/i;
/** `Objectif : 2`, `Objectifs : 1, 3`: the course objectives the question measures (objective-tag.ts). */
export const objectiveLine = /^objectifs?\s*:\s*(.*)$/i;
/** `Tolérance : 0`, `1`, `2` or `aucune`: typing errors accepted in a short answer. */
export const toleranceLine = /^tol[ée]rance\s*:\s*(.*)$/i;

/** The fix of a glued marker, as the trainer should type the line: `-(x) Oui` gives `- (x) Oui`. */
export function unglued(text: string): string | undefined {
  const glued = gluedChoiceLine.exec(text);
  return glued ? `${glued[1]} ${glued[2]} ${glued[3]}`.trimEnd() : undefined;
}

export type QuizLineKind = 'radio' | 'checkbox' | 'glued' | 'odd' | 'answer' | 'explanation';

/** What piece of quiz syntax a (trimmed) line is, well written or not; undefined for any other line. */
export function quizLineKind(text: string): QuizLineKind | undefined {
  const choice = choiceLine.exec(text);
  if (choice) return choice[2] !== undefined ? 'radio' : 'checkbox';
  if (gluedChoiceLine.test(text)) return 'glued';
  if (oddChoiceLine.test(text)) return 'odd';
  if (answerLine.test(text)) return 'answer';
  if (explanationLine.test(text)) return 'explanation';
  return undefined;
}

/** Shortens a line for a message. */
export function excerpt(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
