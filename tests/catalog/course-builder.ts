import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fixturesDir } from '../helpers/test-config.ts';

/** The valid course every scenario starts from; other suites use the folder itself. */
export const validCourseDir = path.join(fixturesDir, 'courses/valid/demo');

/** The files of a course being built, edited in memory before they are written. */
export class CourseFiles {
  constructor(private readonly files: Map<string, Buffer>) {}

  text(file: string): string {
    const bytes = this.files.get(file);
    if (!bytes) throw new Error(`the valid course has no file ${file}`);
    return bytes.toString('utf8');
  }

  write(file: string, text: string): void {
    this.files.set(file, Buffer.from(text));
  }

  /** Replaces the one occurrence of `from`: absent or repeated, the scenario would test something else. */
  replace(file: string, from: string, to: string): void {
    const parts = this.text(file).split(from);
    if (parts.length !== 2) throw new Error(`${file} contains « ${from} » ${parts.length - 1} times, not once`);
    this.write(file, parts.join(to));
  }

  /** Inserts lines after line `line` (1-based), so that the first one becomes line `line + 1`. */
  insertLines(file: string, line: number, ...lines: string[]): void {
    const all = this.text(file).split('\n');
    all.splice(line, 0, ...lines);
    this.write(file, all.join('\n'));
  }

  copy(from: string, to: string): void {
    this.write(to, this.text(from));
  }

  entries(): [string, Buffer][] {
    return [...this.files];
  }
}

/** One change to the valid course, such as the one mistake a scenario is about. */
export type CourseChange = (files: CourseFiles) => void;

export interface BuiltCourse {
  /** The folder holding the course folder: issues name files relative to it (`demo/01-premier.md`). */
  root: string;
  /** The course folder, `<root>/<slug>`. */
  dir: string;
  remove(): Promise<void>;
}

let validFiles: Promise<Map<string, Buffer>> | undefined;

async function readValidCourse(): Promise<Map<string, Buffer>> {
  const entries = await readdir(validCourseDir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
  return new Map(
    await Promise.all(
      files.map(async (file) => [path.relative(validCourseDir, file), await readFile(file)] as [string, Buffer]),
    ),
  );
}

/**
 * Writes the valid course, with `change` applied, to `<root>/<slug>/`. The root is a new temporary folder
 * unless given (to put several courses in one catalog).
 */
export async function buildCourse(
  change: CourseChange = () => {},
  options: { root?: string; slug?: string } = {},
): Promise<BuiltCourse> {
  validFiles ??= readValidCourse();
  const files = new CourseFiles(new Map(await validFiles));
  change(files);
  const root = options.root ?? (await mkdtemp(path.join(os.tmpdir(), 'passerelle-course-')));
  const dir = path.join(root, options.slug ?? 'demo');
  for (const [file, bytes] of files.entries()) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), bytes);
  }
  return { root, dir, remove: () => rm(options.root ? dir : root, { recursive: true, force: true }) };
}
