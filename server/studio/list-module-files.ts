import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { limits } from '../catalog/limits.ts';
import { moduleFilePattern } from '../catalog/module-file-pattern.ts';
import { getFrontMatterField } from './front-matter-field.ts';

export interface ModuleFile {
  file: string;
  number: number;
  slug: string;
  /** From the front matter when readable, else the slug: a draft may be half-written. */
  title: string;
  isFinal: boolean;
}

/** The modules of a course folder in order, read leniently (the studio shows drafts that do not validate yet). */
export async function listModuleFiles(dir: string): Promise<ModuleFile[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const files = entries
    .filter((e) => e.isFile() && moduleFilePattern.test(e.name))
    .map((e) => e.name)
    .sort();
  return Promise.all(
    files.map(async (file) => {
      const [, number, slug] = moduleFilePattern.exec(file)!;
      const source = await readFile(path.join(dir, file), 'utf8').catch(() => '');
      const head = source.length > limits.markdownBytes ? '' : source;
      const title = getFrontMatterField(head, 'titre');
      return {
        file,
        number: Number(number),
        slug: slug!,
        title: typeof title === 'string' && title.trim() ? title.trim() : slug!,
        isFinal: getFrontMatterField(head, 'evaluation_finale') === true,
      };
    }),
  );
}
