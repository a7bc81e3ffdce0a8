import { checkMarkdownBounds } from './check-markdown-bounds.ts';
import { checkMediaReferences } from './check-media-references.ts';
import { checkPositioningSettings } from './check-positioning.ts';
import { checkStrayQuizSyntax } from './check-stray-quiz-syntax.ts';
import type { Module } from './course.ts';
import { ModuleFrontMatter } from './course-front-matter.ts';
import type { IssueList } from './course-issue.ts';
import { parseFrontMatter } from './parse-front-matter.ts';
import { parseQuiz } from './parse-quiz.ts';
import type { RenderContext } from './render-markdown.ts';
import { renderMarkdown } from './render-markdown.ts';
import { renderOnce } from './render-once.ts';
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
  ctx: RenderContext;
  /** Files of the course folder, to check images and links against. */
  assets: Set<string>;
  /** The course's pass mark, for a quiz that sets none. */
  coursePassMark: number;
  /** How many objectives course.md declares, for `Objectif :` lines; undefined when it could not be read. */
  courseObjectives?: number;
}

/** Validates one module file and builds its module, rendered on first use; undefined when it has issues. */
export function parseModule(
  { source, file, slug, position }: ModuleSource,
  { ctx, assets, coursePassMark, courseObjectives }: ModuleSetting,
  issues: IssueList,
): Module | undefined {
  const { data, body, bodyLine } = parseFrontMatter(source, ModuleFrontMatter, issues);
  if (!checkMarkdownBounds(body, bodyLine, issues)) return undefined;
  checkMediaReferences(body, bodyLine, assets, issues);
  const section = splitQuizSection(body);
  checkStrayQuizSyntax(section.before.split('\n'), bodyLine, section.quiz !== undefined, issues);
  if (section.quiz) {
    const afterLine = bodyLine + section.quiz.headingIndex + 1 + section.quiz.lines.length;
    checkStrayQuizSyntax(section.after.split('\n'), afterLine, true, issues);
  }
  const content = renderOnce(() => ({
    before: renderMarkdown(section.before, ctx),
    after: renderMarkdown(section.after, ctx),
  }));
  let quiz: Module['quiz'];
  if (section.quiz) {
    const quizFirstLine = bodyLine + section.quiz.headingIndex + 1;
    const parsed = parseQuiz(section.quiz.lines, quizFirstLine, ctx, issues, courseObjectives);
    quiz = {
      title: section.quiz.title,
      line: quizFirstLine - 1,
      get introHtml() {
        return parsed.introHtml;
      },
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
  const quizEntry = quiz ? [{ id: 'quiz', text: quiz.title || 'Quiz', level: 2 }] : [];
  const toc = renderOnce(() => [...content().before.toc, ...quizEntry, ...content().after.toc]);
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
    get htmlBefore() {
      return content().before.html;
    },
    get htmlAfter() {
      return content().after.html;
    },
    get toc() {
      return toc();
    },
    quiz,
  };
}
