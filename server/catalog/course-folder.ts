import type { RenderContext } from './render-markdown.ts';

/** What every step of loading a course knows about its folder. */
export interface CourseFolder {
  dir: string;
  /** The folder's name. */
  slug: string;
  /** Every file, relative to the folder (see list-course-files.ts). */
  files: string[];
  /** The files images and links may point at. */
  assets: Set<string>;
  ctx: RenderContext;
  /** Names a file of the course in issues, relative to the display root. */
  display(file: string): string;
  /** Bytes of the Markdown files already read, reused by the content hash. */
  read: Map<string, Buffer>;
  /** Told each Markdown file's displayed name before it is read (see LoadCourseOptions). */
  onFile?: (file: string) => void;
}
