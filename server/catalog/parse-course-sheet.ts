import { lookUpAsset } from './asset-path.ts';
import { checkMarkdownBounds } from './check-markdown-bounds.ts';
import { checkMediaReferences, missingImage } from './check-media-references.ts';
import type { CourseFolder } from './course-folder.ts';
import { CourseFrontMatter } from './course-front-matter.ts';
import { type CourseIssue, IssueList } from './course-issue.ts';
import { courseSlugPattern } from './course-slug-pattern.ts';
import { parseFrontMatter } from './parse-front-matter.ts';
import { readMarkdownFile } from './read-markdown-file.ts';

export interface CourseSheet {
  /** Undefined when course.md is missing or its front matter is invalid. */
  front: CourseFrontMatter | undefined;
  /** Markdown of the body, rendered on first use (course-from-text.ts). */
  intro: string;
  issues: CourseIssue[];
}

/** Reads and checks `course.md` (and the folder's name, reported on its first line). */
export function parseCourseSheet(folder: CourseFolder): CourseSheet {
  const issues = new IssueList(folder.display('course.md'));
  if (!courseSlugPattern.test(folder.slug)) {
    issues.add(
      1,
      `le nom du dossier « ${folder.slug} » doit être en minuscules sans accents, avec des tirets (ex. « culture-numerique »).`,
    );
  }
  folder.onFile?.(issues.file);
  const source = readMarkdownFile(folder.dir, 'course.md', issues, folder.read);
  if (source === undefined) {
    if (!folder.files.includes('course.md')) {
      // Reported at the folder (line 0: no line), since the file it is about does not exist.
      const issue = { file: `${folder.display('')}/`, line: 0, message: missingSheetMessage(folder.files) };
      return { front: undefined, intro: '', issues: [issue] };
    }
    return { front: undefined, intro: '', issues: issues.items };
  }
  const parsed = parseFrontMatter(source, CourseFrontMatter, issues);
  if (checkMarkdownBounds(parsed.body, parsed.bodyLine, issues))
    checkMediaReferences(parsed.body, parsed.bodyLine, folder.assets, issues);
  const cover = parsed.data?.couverture?.image;
  const coverLookup = cover === undefined ? 'found' : lookUpAsset(cover, folder.assets);
  if (coverLookup !== 'found') issues.add(2, `l’image de couverture « ${cover} » ${missingImage[coverLookup]}`);
  return { front: parsed.data, intro: parsed.body, issues: issues.items };
}

function missingSheetMessage(files: string[]): string {
  const message =
    'ce dossier de cours n’a pas de fiche « course.md » : créez, à côté des modules, un fichier nommé exactement « course.md » (titre, résumé, public, objectifs, durée, auteurs ; voir le guide de rédaction).';
  const nearMiss = files.find((f) => !f.includes('/') && /^cours(e)?\b.*\.(md|txt|markdown)$/i.test(f));
  return nearMiss
    ? `${message} Le fichier « ${nearMiss} » est peut-être cette fiche : renommez-le « course.md ».`
    : message;
}
