import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { renderMarkdown } from '../../catalog/render-markdown.ts';

const guideFile = path.resolve(import.meta.dirname, '../../../docs/authoring.md');
let cached: { mtimeMs: number; html: string } | undefined;

/** docs/authoring.md rendered like a course, read again only when the file changes. */
export async function authoringGuideHtml(): Promise<string> {
  const { mtimeMs } = await stat(guideFile);
  if (cached?.mtimeMs !== mtimeMs) {
    const source = await readFile(guideFile, 'utf8');
    const html = renderMarkdown(source, { assetBase: '/studio/guide/', moduleBase: '/studio/guide/' }).html;
    cached = { mtimeMs, html };
  }
  return cached.html;
}
