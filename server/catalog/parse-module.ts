import { checkMarkdownBounds } from './check-markdown-bounds.ts';
import { checkMediaReferences } from './check-media-references.ts';
import { checkPositioningSettings } from './check-positioning.ts';
import { checkStrayQuizSyntax } from './check-stray-quiz-syntax.ts';
import { ModuleFrontMatter } from './course-front-matter.ts';
import type { IssueList } from './course-issue.ts';
import type { ModuleText } from './course-text.ts';
import { parseFrontMatter } from './parse-front-matter.ts';
import { readQuiz } from './parse-quiz.ts';
import { splitQuizSection } from './split-quiz-section.ts';

export interface ModuleSource {
  /** The module's text, front matter included. */
  source: string;
  /** The file name, `NN-slug.md`, and what it gives: the slug and the position. */
  file: string;
  slug: string;
  position: number;
}

export interface ModuleSetting {
  /** Files of the course folder, to check images and links against. */
  assets: Set<string>;
  /** The course's pass mark, for a quiz that sets none. */
  coursePassMark: number;
  /** How many objectives course.md declares, for `Objectif :` lines; undefined when it could not be read. */
  courseObjectives?: number;
}

/** Validates one module file and gives its text (module-from-text.ts renders it); undefined when it has issues. */
export function parseModule(
  { source, file, slug, position }: ModuleSource,
  { assets, coursePassMark, courseObjectives }: ModuleSetting,
  issues: IssueList,
): ModuleText | undefined {
  const { data, body, bodyLine } = parseFrontMatter(source, ModuleFrontMatter, issues);
  if (!checkMarkdownBounds(body, bodyLine, issues)) return undefined;
  checkMediaReferences(body, bodyLine, assets, issues);
  const section = splitQuizSection(body);
  checkStrayQuizSyntax(section.before.split('\n'), bodyLine, section.quiz !== undefined, issues);
  if (section.quiz) {
    const afterLine = bodyLine + section.quiz.headingIndex + 1 + section.quiz.lines.length;
    checkStrayQuizSyntax(section.after.split('\n'), afterLine, true, issues);
  }
  let quiz: ModuleText['quiz'];
  if (section.quiz) {
    const quizFirstLine = bodyLine + section.quiz.headingIndex + 1;
    const parsed = readQuiz(section.quiz.lines, quizFirstLine, issues, courseObjectives);
    quiz = {
      title: section.quiz.title,
      line: quizFirstLine - 1,
      intro: parsed.intro,
      questions: parsed.questions,
      passMark: data?.quiz?.seuil ?? coursePassMark,
      // The positioning is answered once (check-positioning.ts).
      maxAttempts: data?.positionnement ? 1 : (data?.quiz?.tentatives ?? 0),
      shuffle: data?.quiz?.melanger ?? false,
      draw: data?.quiz?.tirage,
      retryDelayMinutes: data?.quiz?.delai_entre_tentatives ?? 0,
    };
    const bank = parsed.questions.length;
    const groups = new Set(parsed.questions.flatMap((q) => (q.group === undefined ? [] : [q.group]))).size;
    if (data?.quiz?.tirage !== undefined && groups > data.quiz.tirage)
      issues.add(
        1,
        `le quiz a ${groups} groupes de questions mais « quiz.tirage » n’en pose que ${data.quiz.tirage} : écrivez « tirage: ${groups} » ou plus, pour poser au moins une question de chaque groupe.`,
      );
    if (data?.quiz?.tirage !== undefined && data.quiz.tirage > bank && bank > 0)
      issues.add(
        1,
        `« quiz.tirage » vaut ${data.quiz.tirage} mais le quiz n’a que ${bank} question(s) : écrivez « tirage: ${bank - 1} » ou moins, ou ajoutez des questions.`,
      );
  } else if (data?.quiz) {
    issues.add(1, 'des réglages « quiz » sont donnés mais le module n’a pas de partie « ## Quiz ».');
  }
  if (data) checkPositioningSettings(data, section.quiz !== undefined, issues);
  if (data?.evaluation_finale && !section.quiz) {
    issues.add(1, 'l’évaluation finale doit contenir un quiz (une partie « ## Quiz »).');
  }
  if (!data || issues.items.length > 0) return undefined;
  return {
    slug,
    file,
    position,
    title: data.titre,
    objectives: data.objectifs,
    minutes: data.duree,
    easyRead: data.facile_a_lire ?? false,
    isFinal: data.evaluation_finale ?? false,
    positioning: data.positionnement ?? false,
    before: section.before,
    after: section.after,
    quiz,
  };
}
