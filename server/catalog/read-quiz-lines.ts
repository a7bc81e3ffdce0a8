import type { IssueList } from './course-issue.ts';
import { readObjectiveTag } from './objective-tag.ts';
import {
  answerLine,
  choiceLine,
  excerpt,
  explanationLine,
  feedbackLine,
  groupLine,
  objectiveLine,
  oddChoiceLine,
  quizLineKind,
  toleranceLine,
  unglued,
} from './quiz-syntax.ts';

export interface DraftChoice {
  kind: 'radio' | 'checkbox';
  correct: boolean;
  text: string;
  feedback: string[];
  line: number;
}

export interface DraftQuestion {
  number: number;
  line: number;
  prompt: string[];
  choices: DraftChoice[];
  answers: { text: string; line: number }[];
  /** From a `Groupe :` line. */
  group: string | undefined;
  /** From an `Objectif :` line: numbers of the course's objectives, from 1. */
  objectives: number[];
  /** From a `Tolérance :` line; undefined for the default. */
  tolerance: { value: number; line: number } | undefined;
  explanation: string[];
  /** What the last structured line was, so continuation lines attach to the right place. */
  last: 'prompt' | 'choice' | 'feedback' | 'answer' | 'explanation' | 'rejected';
  /** A mistake was reported on one of its lines: the question is not built (its other checks would mislead). */
  broken: boolean;
}

const questionLine = /^(\d{1,3})[.)]\s+(.+)$/;
const choiceLike = (text: string) => {
  const kind = quizLineKind(text);
  return kind !== undefined && kind !== 'answer' && kind !== 'explanation';
};
const markerNames = { radio: '( )', checkbox: '[ ]' } as const;

/**
 * Splits the lines of a quiz into questions, reporting at its own line anything that looks like quiz syntax
 * but would not be read as such: a line the parser swallowed into a prompt or a feedback could show the
 * answer to learners, so nothing that resembles a choice, an answer or an explanation is ever guessed at.
 */
export function readQuizLines(
  lines: string[],
  firstLine: number,
  issues: IssueList,
  /** How many objectives course.md declares, to check `Objectif :` lines against; undefined: unknown. */
  courseObjectives?: number,
): { drafts: DraftQuestion[]; intro: string[] } {
  const drafts: DraftQuestion[] = [];
  const intro: string[] = [];
  let current: DraftQuestion | undefined;

  lines.forEach((rawLine, index) => {
    const line = firstLine + index;
    const indent = rawLine.length - rawLine.trimStart().length;
    const text = rawLine.trim();
    if (text === '') return;
    const q = indent < 3 ? questionLine.exec(text) : null;
    if (q) {
      current = {
        number: Number(q[1]),
        line,
        prompt: [q[2]!],
        choices: [],
        answers: [],
        tolerance: undefined,
        group: undefined,
        objectives: [],
        explanation: [],
        last: 'prompt',
        broken: false,
      };
      drafts.push(current);
      return;
    }
    if (!current) {
      if (quizLineKind(text) !== undefined) {
        issues.add(
          line,
          `« ${excerpt(text)} » se trouve avant la première question : il serait affiché tel quel aux apprenants. Écrivez d’abord la question, numérotée (« 1. Votre question ? »), puis ses choix en dessous.`,
        );
        return;
      }
      intro.push(rawLine);
      return;
    }
    readQuestionLine(current, `question ${drafts.length}`, { indent, text, line, courseObjectives }, issues);
  });
  return { drafts, intro };
}

function readQuestionLine(
  current: DraftQuestion,
  label: string,
  { indent, text, line, courseObjectives }: { indent: number; text: string; line: number; courseObjectives?: number },
  issues: IssueList,
): void {
  // A refused choice's feedback and continuation lines are skipped: one mistake, one message.
  const report = (message: string) => {
    issues.add(line, `${label} : ${message}`);
    current.broken = true;
    current.last = 'rejected';
  };
  if (current.last === 'rejected' && (indent >= 2 || feedbackLine.test(text)) && !choiceLike(text)) return;
  const choice = choiceLine.exec(text);
  if (choice) {
    const kind = choice[2] !== undefined ? 'radio' : 'checkbox';
    const first = current.choices[0];
    if (first && first.kind !== kind) {
      const fixed = text.replace(
        /^([-*+]\s+)[([][ xX]?[)\]]/,
        `$1${markerNames[first.kind].replace(' ', choice[2] ?? choice[3] ?? ' ')}`,
      );
      report(
        `ce choix utilise « ${markerNames[kind]} » alors que le premier choix (ligne ${first.line}) utilise « ${markerNames[first.kind]} » ; une question est soit à choix unique « ( ) », soit à choix multiple « [ ] ». ${typeLine(fixed)}`,
      );
      return;
    }
    if (current.explanation.length > 0) {
      report('ce choix vient après « Explication : ». Placez l’explication sous le dernier choix de la question.');
      return;
    }
    const mark = (choice[2] ?? choice[3] ?? '').toLowerCase();
    current.choices.push({ kind, correct: mark === 'x', text: choice[4]!.trim(), feedback: [], line });
    current.last = 'choice';
    return;
  }
  const fix = unglued(text);
  if (fix !== undefined) {
    report(`il manque une espace entre le tiret et la case. ${typeLine(fix)}`);
    return;
  }
  const odd = oddChoiceLine.exec(text);
  if (odd) {
    const [open, close] = odd[1]!.startsWith('(') ? ['(', ')'] : ['[', ']'];
    const rest = odd[2] ?? '';
    const [right, wrong] = [`- ${open}x${close}`, `- ${open} ${close}`];
    report(
      `- ${open}x${close} ${rest}`.length <= typedLineMax
        ? `case « ${odd[1]} » non reconnue. Écrivez « ${right} ${rest} » pour une bonne réponse (ou « ${wrong} ${rest} » pour une mauvaise).`
        : `case « ${odd[1]} » non reconnue. Commencez la ligne par « ${right} » pour une bonne réponse (ou « ${wrong} » pour une mauvaise).`,
    );
    return;
  }
  const feedback = feedbackLine.exec(text);
  if (feedback) {
    const target = current.choices.at(-1);
    if (!target || current.last === 'explanation' || current.last === 'answer') {
      issues.add(
        line,
        `${label} : un retour « > » doit se trouver juste sous un choix « - ( ) » ou « - [ ] ». Pour une explication générale, écrivez « Explication : … ».`,
      );
      return;
    }
    target.feedback.push(feedback[1]!);
    current.last = 'feedback';
    return;
  }
  const explanation = explanationLine.exec(text);
  if (explanation) {
    if (current.choices.length === 0 && current.answers.length === 0) {
      report(
        '« Explication : » vient avant les choix. Écrivez d’abord les choix « - ( ) … » (ou les réponses courtes « = … »), puis l’explication sous le dernier.',
      );
      return;
    }
    current.explanation.push(explanation[1]!);
    current.last = 'explanation';
    return;
  }
  const answer = answerLine.exec(text);
  if (answer) {
    if (current.explanation.length > 0) {
      report('cette réponse « = » vient après « Explication : ». Placez l’explication sous la dernière réponse.');
      return;
    }
    current.answers.push({ text: answer[1]!.trim(), line });
    current.last = 'answer';
    return;
  }
  const group = groupLine.exec(text);
  if (group) {
    const name = group[1]!.trim();
    if (name === '') report('le nom du groupe est vide. Écrivez par exemple « Groupe : objectif 1 ».');
    else current.group = name.slice(0, 100);
    return;
  }
  const objective = objectiveLine.exec(text);
  if (objective) {
    const read = readObjectiveTag(objective[1]!.trim(), courseObjectives);
    if (typeof read === 'string') report(read);
    else current.objectives = [...new Set([...current.objectives, ...read])];
    return;
  }
  const tolerance = toleranceLine.exec(text);
  if (tolerance) {
    const word = tolerance[1]!.trim().toLowerCase();
    const value = word === 'aucune' ? 0 : /^[0-2]$/.test(word) ? Number(word) : undefined;
    if (value === undefined)
      report(
        `tolérance « ${excerpt(tolerance[1]!.trim(), 20)} » illisible. Écrivez « Tolérance : 0 » (réponse exacte), « Tolérance : 1 » (une faute de frappe, le réglage par défaut) ou « Tolérance : 2 ».`,
      );
    else current.tolerance = { value, line };
    return;
  }
  // Continuation lines must be indented like the question, so a stray line is reported, not swallowed.
  if (indent >= 2 && current.last === 'prompt') current.prompt.push(text);
  else if (indent >= 2 && current.last === 'explanation') current.explanation.push(text);
  else if (indent >= 2 && current.last === 'feedback') current.choices.at(-1)!.feedback.push(text);
  else
    issues.add(
      line,
      `${label} : ligne non reconnue « ${excerpt(text)} ». Un choix commence par « - ( ) » ou « - [ ] », un retour par « > », une réponse courte par « = ».`,
    );
}

/** Fixes are lines to type as written: a long line is not repeated (cut, it would change the text), its start is. */
const typedLineMax = 80;

function typeLine(fixed: string): string {
  if (fixed.length <= typedLineMax) return `Écrivez « ${fixed} ».`;
  const marker = /^[-*+] [([][ xX]?[)\]]/.exec(fixed)?.[0] ?? fixed.slice(0, 5);
  return `Commencez la ligne par « ${marker} », suivi d’une espace et du texte du choix.`;
}
