import { createHash } from 'node:crypto';
import type { Response } from 'express';

const hashes = new Map<string, string>();

/**
 * Lets this response's page carry one `<style>` element with exactly `css`, by adding its hash to the
 * Content-Security-Policy's `style-src`: every other inline style stays refused. For values only the
 * server chooses (a structure's checked brand colour), never for anything a person typed as CSS.
 */
export function allowInlineStyle(res: Response, css: string): void {
  const policy = res.getHeader('Content-Security-Policy');
  if (typeof policy !== 'string') return;
  let hash = hashes.get(css);
  if (!hash) {
    hash = `'sha256-${createHash('sha256').update(css).digest('base64')}'`;
    if (hashes.size >= 10_000) hashes.clear();
    hashes.set(css, hash);
  }
  res.setHeader(
    'Content-Security-Policy',
    policy.replace(/style-src ([^;]*)/, (directive) => `${directive} ${hash}`),
  );
}
