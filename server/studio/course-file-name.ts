import { jobAidFile } from '../catalog/job-aid.ts';
import { moduleFilePattern } from '../catalog/module-file-pattern.ts';

/** The files the editor opens: the course sheet, a module or the job aid. Anything else (paths, dots) is refused. */
export function isCourseFileName(file: unknown): file is string {
  return typeof file === 'string' && (file === 'course.md' || file === jobAidFile || moduleFilePattern.test(file));
}

export function isModuleFileName(file: unknown): file is string {
  return typeof file === 'string' && moduleFilePattern.test(file);
}

/** `3, 'les-biais'` → `03-les-biais.md`. */
export function moduleFileName(position: number, slug: string): string {
  return `${String(position).padStart(2, '0')}-${slug}.md`;
}
