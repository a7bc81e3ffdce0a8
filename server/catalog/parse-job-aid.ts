import { checkMarkdownBounds } from './check-markdown-bounds.ts';
import type { CourseFolder } from './course-folder.ts';
import { type CourseIssue, IssueList } from './course-issue.ts';
import type { JobAidText } from './course-text.ts';
import { JobAidFrontMatter, jobAidFile } from './job-aid.ts';
import { linesOutsideCodeFences } from './lines-outside-code-fences.ts';
import { parseFrontMatter } from './parse-front-matter.ts';
import { readMarkdownFile } from './read-markdown-file.ts';

// Markdown images, and raw HTML images: neither is printed in the PDF, so the two versions would differ.
const image = /!\[[^\]\n]*\]\(|<img\b/i;

/** Reads `fiche.md` when the course has one; a job aid with issues is left out (the issues say why). */
export function parseJobAid(folder: CourseFolder): { jobAid: JobAidText | undefined; issues: CourseIssue[] } {
  if (!folder.files.includes(jobAidFile)) return { jobAid: undefined, issues: [] };
  const issues = new IssueList(folder.display(jobAidFile));
  folder.onFile?.(issues.file);
  const source = readMarkdownFile(folder.dir, jobAidFile, issues, folder.read);
  if (source === undefined) return { jobAid: undefined, issues: issues.items };
  const { data, body, bodyLine } = parseFrontMatter(source, JobAidFrontMatter, issues);
  if (!checkMarkdownBounds(body, bodyLine, issues)) return { jobAid: undefined, issues: issues.items };
  if (body.trim() === '') issues.add(bodyLine, 'la fiche est vide : écrivez sous l’en-tête ce qui doit être imprimé.');
  for (const [index, line] of linesOutsideCodeFences(body.split('\n'))) {
    if (image.test(line))
      issues.add(
        bodyLine + index,
        'une fiche à imprimer ne contient pas d’image : la version PDF ne l’imprimerait pas. Décrivez-la en mots.',
      );
  }
  if (!data || issues.count > 0) return { jobAid: undefined, issues: issues.items };
  return { jobAid: { title: data.titre, markdown: body, bodyLine }, issues: [] };
}
