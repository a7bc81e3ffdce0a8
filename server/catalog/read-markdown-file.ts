import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { checkLineLengths } from './check-line-lengths.ts';
import type { IssueList } from './course-issue.ts';
import { decodeUtf8 } from './decode-utf8.ts';
import { limits } from './limits.ts';

/**
 * Reads one Markdown file of a course as text (BOM dropped, line ends made `\n`), refusing it when over the
 * size limit or with a line over the length limit. Keeps the bytes in `read` so the content hash does not
 * read the file again.
 */
// Synchronous on purpose: a module is a few kilobytes, and at start-up the promise API's round trips to
// the thread pool (stat, open, fstat, read, close per file) cost more than reading hundreds of files.
export function readMarkdownFile(
  dir: string,
  file: string,
  issues: IssueList,
  read: Map<string, Buffer>,
): string | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path.join(dir, file), 'r');
    const size = fstatSync(fd).size;
    if (size > limits.markdownBytes) {
      issues.add(
        1,
        `fichier trop gros (${Math.round(size / 1024)} Ko, au plus ${limits.markdownBytes / 1024} Ko). Découpez-le en plusieurs modules.`,
      );
      return undefined;
    }
    const bytes = readFileSync(fd);
    read.set(file, bytes);
    const decoded = decodeUtf8(bytes, issues);
    if (decoded === undefined) return undefined;
    const text = decoded.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
    return checkLineLengths(text, issues) ? text : undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
