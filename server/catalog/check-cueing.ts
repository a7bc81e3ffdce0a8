import type { Course, Module, Question, Quiz } from './course.ts';
import type { CourseIssue } from './course-issue.ts';
import { normalizeAnswer } from './normalize-answer.ts';

/**
 * Cues that let a learner who has not read the course pass its quizzes (docs/authoring.md, « Des quiz qui
 * mesurent ce qui a été appris »). Each is a warning, not an error: the course stays valid, but
 * `courses:check --strict` refuses it. Only what can be measured from the text is checked:
 *
 * - the right answer is strictly the longest choice in more than half of a quiz's single-choice questions;
 * - the right answer is at the same position in every single-choice question of a quiz (3 or more), or in
 *   more than two thirds of the course's (6 or more), when choices are not shuffled;
 * - « tick all but one »: in more than half of the course's multiple-choice questions, every choice but one is
 *   right (with 3 choices or more);
 * - a short answer is written, as whole words, in another question of the same quiz, in the module's title or
 *   in one of its headings.
 *
 * Files are named relative to the course folder (`01-intro.md`).
 */
export function checkCueing(course: Course): CourseIssue[] {
  const warnings: CourseIssue[] = [];
  const warn = (module: Module, line: number, message: string) => warnings.push({ file: module.file, line, message });
  for (const module of course.modules) {
    const quiz = module.quiz;
    if (!quiz) continue;
    longestAnswer(quiz, (line, message) => warn(module, line, message));
    samePositionInQuiz(quiz, (line, message) => warn(module, line, message));
    shortAnswerGivenAway(module, quiz, (line, message) => warn(module, line, message));
  }
  samePositionInCourse(course, warn);
  allButOne(course, warn);
  return warnings.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

type Warn = (line: number, message: string) => void;

const singleChoice = (quiz: Quiz) => quiz.questions.filter((q) => q.type === 'single');
const rightIndex = (q: Question) => q.choices.findIndex((c) => c.correct);
const list = (questions: Question[]) => questions.map((q) => q.number).join(', ');

function longestAnswer(quiz: Quiz, warn: Warn): void {
  const singles = singleChoice(quiz);
  if (singles.length < 2) return;
  const cued = singles.filter((q) => {
    const right = q.choices[rightIndex(q)]!.text.length;
    return q.choices.every((c) => c.correct || c.text.length < right);
  });
  if (cued.length * 2 <= singles.length) return;
  warn(
    quiz.line,
    `la bonne réponse est le choix le plus long dans ${cued.length} questions à choix unique sur ${singles.length} (questions ${list(cued)}) : on la devine sans avoir lu le module. Donnez aux choix des longueurs comparables, en précisant les mauvaises réponses ou en raccourcissant la bonne.`,
  );
}

function samePositionInQuiz(quiz: Quiz, warn: Warn): void {
  const singles = singleChoice(quiz);
  if (quiz.shuffle || singles.length < 3) return;
  const position = rightIndex(singles[0]!);
  if (!singles.every((q) => rightIndex(q) === position)) return;
  warn(
    quiz.line,
    `la bonne réponse est le choix n° ${position + 1} dans toutes les questions à choix unique (${singles.length}) : on la devine sans avoir lu le module. Ajoutez « melanger: true » sous « quiz: » dans l’en-tête, ou changez l’ordre des choix.`,
  );
}

function samePositionInCourse(course: Course, warn: (module: Module, line: number, message: string) => void): void {
  const unshuffled = course.modules.flatMap((m) =>
    m.quiz && !m.quiz.shuffle ? singleChoice(m.quiz).map((q) => ({ module: m, q })) : [],
  );
  if (unshuffled.length < 6) return;
  const counts = new Map<number, number>();
  for (const { q } of unshuffled) counts.set(rightIndex(q), (counts.get(rightIndex(q)) ?? 0) + 1);
  const [position, count] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
  if (count * 3 <= unshuffled.length * 2) return;
  const first = unshuffled.find(({ q }) => rightIndex(q) === position)!;
  warn(
    first.module,
    first.module.quiz!.line,
    `dans la formation, la bonne réponse est le choix n° ${position + 1} dans ${count} questions à choix unique sur ${unshuffled.length} dont les choix ne sont pas mélangés : on la devine sans avoir lu les modules. Ajoutez « melanger: true » sous « quiz: » dans l’en-tête des modules, ou variez l’ordre des choix.`,
  );
}

function allButOne(course: Course, warn: (module: Module, line: number, message: string) => void): void {
  const multiples = course.modules.flatMap((m) =>
    (m.quiz?.questions ?? []).filter((q) => q.type === 'multiple').map((q) => ({ module: m, q })),
  );
  const cued = multiples.filter(({ q }) => q.choices.length >= 3 && q.choices.filter((c) => !c.correct).length === 1);
  if (multiples.length === 0 || cued.length * 2 <= multiples.length) return;
  for (const { module, q } of cued) {
    warn(
      module,
      q.line,
      `question ${q.number} : toutes les cases sauf une sont à cocher, ${multiples.length === 1 ? 'dans la seule question à choix multiples de la formation' : `comme dans ${cued.length} questions à choix multiples sur ${multiples.length} de la formation`} : « tout cocher sauf l’intrus » suffit. Variez le nombre de bonnes réponses (une seule, ou la moitié) et faites de chaque mauvaise réponse une idée reçue crédible.`,
    );
  }
}

function shortAnswerGivenAway(module: Module, quiz: Quiz, warn: Warn): void {
  const places = [
    { name: 'le titre du module', text: module.title },
    ...module.toc.filter((h) => h.id !== 'quiz').map((h) => ({ name: `le titre « ${h.text} »`, text: h.text })),
  ];
  for (const q of quiz.questions) {
    if (q.type !== 'short') continue;
    const others = quiz.questions
      .filter((o) => o !== q)
      .map((o) => ({ name: `la question ${o.number} (ligne ${o.line})`, text: questionText(o) }));
    for (const place of [...others, ...places]) {
      const found = q.answers.find((answer) => answer !== '' && containsWords(place.text, answer));
      if (found === undefined) continue;
      warn(
        q.line,
        `question ${q.number} : la réponse attendue « ${found} » est écrite dans ${place.name} : on la recopie sans avoir lu le module. Reformulez l’une ou l’autre.`,
      );
      break;
    }
  }
}

function questionText(q: Question): string {
  return [q.prompt, ...q.choices.map((c) => c.text)].join(' \n ');
}

/** Whether `text` holds `answer` (already normalised) as whole words, whatever the case and accents. */
function containsWords(text: string, answer: string): boolean {
  const words = (s: string) => ` ${normalizeAnswer(s).replace(/[^\p{L}\p{N}']+/gu, ' ')} `;
  const needle = words(answer);
  return needle.trim() !== '' && words(text).includes(needle);
}
