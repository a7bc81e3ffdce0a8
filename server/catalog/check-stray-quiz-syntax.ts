import type { IssueList } from './course-issue.ts';
import { linesOutsideCodeFences } from './lines-outside-code-fences.ts';
import { excerpt, type QuizLineKind, quizLineKind } from './quiz-syntax.ts';
import { quizTitle } from './split-quiz-section.ts';

// Anchored, one unbounded repetition: linear in the line's length.
const heading = /^(#{1,6})\s*(.*)$/;
// A heading a trainer may have meant as the quiz's (compared without accents, in lower case).
const quizLikeWords = /^(quiz|qcm|questions?\b|questionnaire|tests?\b|evaluation|auto-?evaluation|exercices?\b|verifi)/;

interface Section {
  line: number;
  /** The heading as written, or undefined before the first heading. */
  text: string | undefined;
  /** The heading's words, without the `#`. */
  title: string;
  quizLike: boolean;
  reported: boolean;
}

/**
 * Outside the `## Quiz` section, Markdown is shown as written: a choice `- (x) …` or an answer `= …` there
 * would give the answer key to learners. Reports, once per section, a line of quiz syntax outside the quiz:
 * at the heading when it looks like a quiz heading that is not exactly `## Quiz` (`## Questions`,
 * `### Quiz`, `## Quiz du module`), else at the line itself. Outside a quiz-like section, task lists
 * (`- [ ]`, `- [x]`) stay allowed: a checklist is ordinary content, and its boxes are never shown as text.
 *
 * `lines` is a part of the body (before or after the quiz), `firstLine` the file line of its first line.
 */
export function checkStrayQuizSyntax(lines: string[], firstLine: number, hasQuiz: boolean, issues: IssueList): void {
  let section: Section = { line: firstLine, text: undefined, title: '', quizLike: false, reported: false };
  for (const [index, raw] of linesOutsideCodeFences(lines)) {
    const line = firstLine + index;
    const text = raw.trim();
    const h = raw.startsWith('#') ? heading.exec(text) : null;
    if (h) {
      const title = withoutClosingHashes(h[2]!);
      const quizLike = quizLikeWords.test(fold(title));
      section = { line, text, title, quizLike, reported: false };
      if (h[1] === '##' && quizTitle(text) !== undefined) {
        issues.add(
          line,
          'un module n’a qu’une partie « ## Quiz » : regroupez toutes les questions sous la première et supprimez ce titre.',
        );
        section.reported = true;
      }
      continue;
    }
    if (section.reported) continue;
    const kind = quizLineKind(text);
    if (!kind || !counts(kind, section.quizLike)) continue;
    section.reported = true;
    if (section.quizLike && section.text !== undefined) {
      issues.add(section.line, headingMessage(section, line, hasQuiz));
    } else {
      issues.add(
        line,
        `« ${excerpt(text)} » ressemble à un choix de quiz mais se trouve hors de la partie « ## Quiz » : il serait affiché tel quel aux apprenants, avec la bonne réponse. Placez la question et ses choix sous le titre « ## Quiz ».`,
      );
    }
  }
}

/** Outside a quiz-like section only what cannot be ordinary Markdown counts: radio choices, glued markers. */
function counts(kind: QuizLineKind, quizLike: boolean): boolean {
  return quizLike || kind === 'radio' || kind === 'glued';
}

function headingMessage(section: Section, choiceLine: number, hasQuiz: boolean): string {
  const start = `le titre « ${excerpt(section.text!)} » n’est pas lu comme un quiz : les questions en dessous (ligne ${choiceLine}) seraient affichées aux apprenants avec les bonnes réponses.`;
  if (hasQuiz)
    return `${start} Un titre « # » ou « ## » termine le quiz : supprimez ce titre pour que ces questions restent dans la partie « ## Quiz ».`;
  const alternative = quizHeadingWithTitle(section.title);
  return `${start} Écrivez le titre exactement « ## Quiz »${alternative ? ` (ou « ${alternative} » pour garder ce titre)` : ''}.`;
}

/** `## Quiz : title`, keeping the trainer's words; undefined when they are only « Quiz ». */
export function quizHeadingWithTitle(title: string): string | undefined {
  let rest = title;
  if (fold(title).startsWith('quiz')) {
    const after = title.slice(4).trim();
    if (after === '') return undefined;
    if ([':', '—', '–', '-'].includes(after[0]!)) rest = after.slice(1).trim();
  }
  return rest === '' ? undefined : `## Quiz : ${rest}`;
}

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

function withoutClosingHashes(text: string): string {
  let end = text.length;
  while (end > 0 && text[end - 1] === '#') end--;
  return text.slice(0, end).trim();
}
