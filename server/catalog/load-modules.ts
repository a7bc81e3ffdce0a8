import type { CourseFolder } from './course-folder.ts';
import { type CourseIssue, IssueList } from './course-issue.ts';
import type { ModuleText } from './course-text.ts';
import { moduleFilePattern } from './module-file-pattern.ts';
import { parseModule } from './parse-module.ts';
import { readMarkdownFile } from './read-markdown-file.ts';

/** Reads and checks the module files, in file-name order; a module with issues is left out. */
export function loadModules(
  folder: CourseFolder,
  moduleFiles: string[],
  coursePassMark: number,
  courseObjectives?: number,
): { modules: ModuleText[]; issues: CourseIssue[] } {
  const modules: ModuleText[] = [];
  const issues: CourseIssue[] = [];
  const positions = new Map<number, string>();
  for (const file of [...moduleFiles].sort()) {
    const moduleIssues = new IssueList(folder.display(file));
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
    folder.onFile?.(moduleIssues.file);
    const source = readMarkdownFile(folder.dir, file, moduleIssues, folder.read);
    const module =
      source === undefined
        ? undefined
        : parseModule(
            { source, file, slug: match[2]!, position },
            { assets: folder.assets, coursePassMark, courseObjectives },
            moduleIssues,
          );
    issues.push(...moduleIssues.items);
    if (module) modules.push(module);
  }
  return { modules, issues };
}
