import { limits } from '../catalog/limits.ts';
import { TextTooLongError } from './errors.ts';

/** Text as the browser sends it (CRLF), stored as the course format expects (LF). */
export function normalizeSource(source: string): string {
  return source.replace(/\r\n?/g, '\n');
}

/** The loader refuses longer files: refusing them in the editor keeps the trainer's text in the textarea. */
export function checkSourceSize(source: string): void {
  const bytes = Buffer.byteLength(source);
  if (bytes > limits.markdownBytes) throw new TextTooLongError(bytes, limits.markdownBytes);
}
