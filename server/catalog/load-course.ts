import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { assetPath, lookUpAsset } from './asset-path.ts';
import { checkNesting } from './check-nesting.ts';
import type { Course, Module } from './course.ts';
import { CourseFrontMatter, ModuleFrontMatter } from './course-front-matter.ts';
import { type CourseIssue, IssueList } from './course-issue.ts';
import { assetExtensions, imageExtensions, limits } from './limits.ts';
import { parseFrontMatter } from './parse-front-matter.ts';
import { parseQuiz } from './parse-quiz.ts';
import { type RenderContext, renderMarkdown } from './render-markdown.ts';
import { renderOnce } from './render-once.ts';
import { splitQuizSection } from './split-quiz-section.ts';

export const courseSlugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const moduleFilePattern = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$/;

export interface LoadCourseOptions {
  /** Issues name files relative to this folder (the project root, usually). */
  displayRoot: string;
  /** URL prefix of courses; `/courses` for the published catalog, another for studio previews. */
  urlBase?: string;
}

export interface LoadCourseResult {
  course: Course | undefined;
  issues: CourseIssue[];
}

/** Reads, validates and renders one course folder. Never throws on bad content: it reports issues. */
export async function loadCourse(dir: string, options: LoadCourseOptions): Promise<LoadCourseResult> {
  const slug = path.basename(dir);
  const display = (file: string) => path.relative(options.displayRoot, path.join(dir, file)) || file;
  const issues: CourseIssue[] = [];
  const urlBase = options.urlBase ?? '/courses';
  const ctx: RenderContext = { assetBase: `${urlBase}/${slug}/assets/`, moduleBase: `${urlBase}/${slug}/` };

  const courseIssues = new IssueList(display('course.md'));
  if (!courseSlugPattern.test(slug)) {
    courseIssues.add(
      1,
      `le nom du dossier « ${slug} » doit être en minuscules sans accents, avec des tirets (ex. « culture-numerique »).`,
    );
  }
  const files = await listFiles(dir);
  const assets = new Set(files.filter((f) => assetExtensions.includes(path.extname(f).toLowerCase())));
  // Markdown files are read once: the content hash reuses the bytes.
  const read = new Map<string, Buffer>();
  const courseSource = readBounded(dir, 'course.md', courseIssues, read);
  if (courseSource === undefined && !files.includes('course.md')) {
    courseIssues.items.splice(0, courseIssues.items.length, {
      file: courseIssues.file,
      line: 1,
      message: 'fichier « course.md » absent : chaque cours a une fiche course.md (voir le guide de rédaction).',
    });
  }
  let front: CourseFrontMatter | undefined;
  let introHtml = () => '';
  if (courseSource !== undefined) {
    const parsed = parseFrontMatter(courseSource, CourseFrontMatter, courseIssues);
    front = parsed.data;
    if (checkNesting(parsed.body, parsed.bodyLine, courseIssues)) {
      checkMediaReferences(parsed.body, parsed.bodyLine, assets, courseIssues);
      introHtml = renderOnce(() => renderMarkdown(parsed.body, ctx).html);
    }
    const cover = front?.couverture?.image;
    const coverLookup = cover === undefined ? 'found' : lookUpAsset(cover, assets);
    if (coverLookup !== 'found') courseIssues.add(2, `l’image de couverture « ${cover} » ${missingImage[coverLookup]}`);
  }
  issues.push(...courseIssues.items);

  const moduleFiles = files.filter((f) => !f.includes('/') && f.endsWith('.md') && f !== 'course.md');
  const modules: Module[] = [];
  const positions = new Map<number, string>();
  for (const file of moduleFiles.sort()) {
    const moduleIssues = new IssueList(display(file));
    const match = moduleFilePattern.exec(file);
    if (!match) {
      moduleIssues.add(
        1,
        `nom de fichier non reconnu : un module s'appelle « NN-nom.md » (deux chiffres, un tiret, un nom en minuscules sans accents).`,
      );
      issues.push(...moduleIssues.items);
      continue;
    }
    const position = Number(match[1]);
    if (positions.has(position)) {
      moduleIssues.add(
        1,
        `le numéro ${match[1]} est déjà utilisé par « ${positions.get(position)} ». Chaque module a son propre numéro.`,
      );
    }
    positions.set(position, file);
    const source = readBounded(dir, file, moduleIssues, read);
    const module =
      source === undefined
        ? undefined
        : parseModule(source, file, match[2]!, position, ctx, assets, moduleIssues, front?.seuil_reussite ?? 80);
    issues.push(...moduleIssues.items);
    if (module) modules.push(module);
  }

  if (moduleFiles.length === 0)
    issues.push({
      file: display('course.md'),
      line: 1,
      message: 'le cours n’a aucun module (fichiers « 01-nom.md », « 02-nom.md »…).',
    });
  if (moduleFiles.length > limits.modulesPerCourse)
    issues.push({
      file: display('course.md'),
      line: 1,
      message: `trop de modules (au plus ${limits.modulesPerCourse}).`,
    });
  const finals = modules.filter((m) => m.isFinal);
  if (finals.length > 1)
    issues.push({
      file: display(finals[1]!.file),
      line: 1,
      message: 'un seul module peut porter « evaluation_finale: true ».',
    });
  if (finals.length === 1 && modules.at(-1) !== finals[0] && moduleFiles.length === modules.length)
    issues.push({
      file: display(finals[0]!.file),
      line: 1,
      message: 'l’évaluation finale doit être le dernier module du cours (numéro le plus grand).',
    });

  if (issues.length > 0 || !front) return { course: undefined, issues };
  return {
    issues,
    course: {
      slug,
      dir,
      title: front.titre,
      summary: front.resume,
      audience: front.public,
      objectives: front.objectifs,
      declaredMinutes: front.duree,
      passMark: front.seuil_reussite,
      version: front.version,
      authors: front.auteurs,
      cover: front.couverture
        ? { url: ctx.assetBase + assetPath(front.couverture.image)!, alt: front.couverture.alt }
        : undefined,
      get introHtml() {
        return introHtml();
      },
      modules,
      contentHash: await hashFiles(dir, files, read),
    },
  };
}

function parseModule(
  source: string,
  file: string,
  slug: string,
  position: number,
  ctx: RenderContext,
  assets: Set<string>,
  issues: IssueList,
  coursePassMark: number,
): Module | undefined {
  const { data, body, bodyLine } = parseFrontMatter(source, ModuleFrontMatter, issues);
  if (!checkNesting(body, bodyLine, issues)) return undefined;
  checkMediaReferences(body, bodyLine, assets, issues);
  const section = splitQuizSection(body);
  const content = renderOnce(() => ({
    before: renderMarkdown(section.before, ctx),
    after: renderMarkdown(section.after, ctx),
  }));
  let quiz: Module['quiz'];
  if (section.quiz) {
    const quizFirstLine = bodyLine + section.quiz.headingIndex + 1;
    const parsed = parseQuiz(section.quiz.lines, quizFirstLine, ctx, issues);
    quiz = {
      title: section.quiz.title,
      get introHtml() {
        return parsed.introHtml;
      },
      questions: parsed.questions,
      passMark: data?.quiz?.seuil ?? coursePassMark,
      maxAttempts: data?.quiz?.tentatives ?? 0,
      shuffle: data?.quiz?.melanger ?? false,
    };
  } else if (data?.quiz) {
    issues.add(1, 'des réglages « quiz » sont donnés mais le module n’a pas de partie « ## Quiz ».');
  }
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

const imagePattern = /!\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;
const linkPattern = /(?<!!)\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;

/** Every image needs a text alternative and an existing file; relative links must point at course files. */
function checkMediaReferences(body: string, firstLine: number, assets: Set<string>, issues: IssueList): void {
  let inFence = false;
  body.split('\n').forEach((line, i) => {
    if (/^\s{0,3}(```|~~~)/.test(line)) inFence = !inFence;
    // Images and links all contain "](": most lines have neither (a cheap test before two regexes).
    if (inFence || !line.includes('](')) return;
    for (const m of line.matchAll(imagePattern)) {
      const [, alt, href] = m as unknown as [string, string, string];
      if (alt.trim() === '')
        issues.add(
          firstLine + i,
          `l’image « ${href} » n’a pas de description : écrivez-la entre les crochets, ![description](${href}).`,
        );
      if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(href)) {
        issues.add(
          firstLine + i,
          `l’image « ${href} » doit être un fichier du dossier du cours, pas une adresse externe.`,
        );
      } else if (!imageExtensions.includes(path.extname(href).toLowerCase() as (typeof imageExtensions)[number])) {
        issues.add(firstLine + i, `l’image « ${href} » n’est pas d’un format accepté (${imageExtensions.join(', ')}).`);
      } else {
        const lookup = lookUpAsset(href, assets);
        if (lookup !== 'found') issues.add(firstLine + i, `l’image « ${href} » ${missingImage[lookup]}`);
      }
    }
    for (const m of line.matchAll(linkPattern)) {
      const href = m[1]!;
      if (/^([a-z][a-z0-9+.-]*:|\/|#)/i.test(href) || moduleFilePattern.test(href.split('#')[0]!)) continue;
      const lookup = lookUpAsset(href, assets);
      if (lookup !== 'found') issues.add(firstLine + i, `le lien « ${href} » ${missingLink[lookup]}`);
    }
  });
}

const badEscapeHint = '« % » doit être suivi de deux chiffres ou lettres de A à F (%25 pour le signe « % » lui-même).';
const missingImage = {
  missing: 'est introuvable dans le dossier du cours.',
  malformed: `a une adresse mal formée : ${badEscapeHint}`,
};
const missingLink = {
  missing: 'pointe vers un fichier introuvable dans le dossier du cours.',
  malformed: `est mal formé : ${badEscapeHint}`,
};

// Synchronous on purpose: a module is a few kilobytes, and at start-up the promise API's round trips to
// the thread pool (stat, open, fstat, read, close per file) cost more than reading hundreds of files.
function readBounded(dir: string, file: string, issues: IssueList, read: Map<string, Buffer>): string | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path.join(dir, file), 'r');
    const size = fstatSync(fd).size;
    if (size > limits.markdownBytes) {
      issues.add(
        1,
        `fichier trop gros (${Math.round(size / 1024)} Ko, au plus ${limits.markdownBytes / 1024} Ko). Découpez-le en plusieurs modules.`,
      );
      return undefined;
    }
    const bytes = readFileSync(fd);
    read.set(file, bytes);
    return bytes
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .replace(/\r\n?/g, '\n');
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Lists the course's files (relative, POSIX separators), skipping hidden files and links. */
async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile() && !e.name.startsWith('.'))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .filter((f) => !f.split('/').some((part) => part.startsWith('.')));
}

async function hashFiles(dir: string, files: string[], read: Map<string, Buffer>): Promise<string> {
  const hash = createHash('sha256');
  for (const file of [...files].sort()) {
    hash.update(`${file}\0`);
    hash.update(read.get(file) ?? (await readFile(path.join(dir, file))));
  }
  return hash.digest('hex').slice(0, 16);
}
