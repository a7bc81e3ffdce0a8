import path from 'node:path';
import { stringify } from 'yaml';
import { limits } from '../../catalog/limits.ts';
import { parseGift } from '../../gift/parse-gift.ts';
import { writeQuizMarkdown } from '../../gift/write-quiz-markdown.ts';
import { translate } from '../../i18n/translate.ts';
import { writeFileAtomic } from '../../shared/fs/write-file-atomic.ts';
import { slugify } from '../../shared/slugify.ts';
import { moduleFileName } from '../course-file-name.ts';
import { CourseInvalidError, TooManyModulesError, UploadRefusedError } from '../errors.ts';
import { renumberModules } from '../renumber-modules.ts';
import type { StudioContext } from '../studio-context.ts';
import { withDraftModules } from '../with-draft-modules.ts';

const frontMatter = (fields: Record<string, unknown>) => `---\n${stringify(fields, { lineWidth: 0 })}---\n`;

function moduleSource(title: string, quizMarkdown: string): string {
  return `${frontMatter({ titre: title, objectifs: ['Ce que la personne saura faire après ce module'], duree: '10 min' })}
## En bref

${translate('studio.gift.intro')}

${quizMarkdown}`;
}

/**
 * Imports the questions of a GIFT file into the course's draft: one new module per category (the given
 * title for questions before any category), each with a `## Quiz` section, placed before the final
 * assessment. Anything GIFT has that Passerelle has not refuses the whole file with its lines: nothing is
 * written then. Returns the new modules' file names.
 */
export async function importGift(
  ctx: StudioContext,
  slug: string,
  input: { text: string; fileName: string; title: string },
): Promise<string[]> {
  const parsed = parseGift(input.text);
  if (parsed.issues.length > 0)
    throw new CourseInvalidError(
      'studio.gift.issues',
      parsed.issues.map((issue) => ({ file: input.fileName, ...issue })),
    );
  const groups = parsed.groups.filter((group) => group.questions.length > 0);
  if (groups.length === 0) throw new UploadRefusedError('studio.gift.noQuestion');
  return withDraftModules(ctx, slug, async (dir, modules) => {
    if (modules.length + groups.length > limits.modulesPerCourse)
      throw new TooManyModulesError(limits.modulesPerCourse);
    const taken = new Set(modules.map((m) => m.slug));
    const created: typeof modules = [];
    for (const group of groups) {
      const title = group.category?.trim() || input.title;
      const base = slugify(title) || 'quiz';
      let moduleSlug = base;
      for (let n = 2; taken.has(moduleSlug); n++) moduleSlug = `${base}-${n}`;
      taken.add(moduleSlug);
      const number = modules.length + created.length + 1;
      const file = moduleFileName(number, moduleSlug);
      await writeFileAtomic(path.join(dir, file), moduleSource(title, writeQuizMarkdown('', group.questions)));
      created.push({ file, number, slug: moduleSlug, title, isFinal: false });
    }
    const last = modules.at(-1);
    const ordered = last?.isFinal ? [...modules.slice(0, -1), ...created, last] : [...modules, ...created];
    const names = await renumberModules(dir, ordered);
    return created.map((module) => names.get(module.slug)!);
  });
}
