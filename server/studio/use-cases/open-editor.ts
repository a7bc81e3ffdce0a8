import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { NotFoundError } from '../../shared/errors.ts';
import { type CourseFolder, courseFolder } from '../course-folder.ts';
import type { StudioContext } from '../studio-context.ts';
import { type FilePreview, previewCourseFile } from './preview-course-file.ts';

export interface EditorView extends CourseFolder {
  /** The text shown: `source` when given (unsaved), else the saved file. */
  source: string;
  /** The text shown differs from the saved one. */
  unsaved: boolean;
  /** The module edited; undefined for course.md. */
  module: CourseFolder['modules'][number] | undefined;
  preview: FilePreview;
}

/** A file of the course in the editor, with its validation and preview, `source` in place of the saved text when given. */
export async function openEditor(ctx: StudioContext, slug: string, file: string, source?: string): Promise<EditorView> {
  const folder = await courseFolder(ctx, slug);
  const [saved, preview] = await Promise.all([
    readFile(path.join(folder.dir, file), 'utf8').catch(() => undefined),
    previewCourseFile(ctx, slug, file, source),
  ]);
  if (saved === undefined) throw new NotFoundError();
  return {
    ...folder,
    source: source ?? saved,
    unsaved: source !== undefined && source !== saved,
    module: folder.modules.find((m) => m.file === file),
    preview,
  };
}
