import { createHash } from 'node:crypto';
import type { Response } from 'express';

const hashes = new Map<string, string>();

/**
 * Lets this response's page carry inline `<style>` or `<script>` elements with exactly `source`, by adding
 * its hash to the Content-Security-Policy's `style-src` or `script-src`: every other inline style or script
 * stays refused. For text only the server chooses (a structure's checked brand colour, a fixed script),
 * never for anything a person typed.
 */
export function allowInline(res: Response, directive: 'style-src' | 'script-src', source: string): void {
  const policy = res.getHeader('Content-Security-Policy');
  if (typeof policy !== 'string') return;
  let hash = hashes.get(source);
  if (!hash) {
    hash = `'sha256-${createHash('sha256').update(source).digest('base64')}'`;
    if (hashes.size >= 10_000) hashes.clear();
    hashes.set(source, hash);
  }
  res.setHeader(
    'Content-Security-Policy',
    policy.replace(new RegExp(`${directive} ([^;]*)`), (found) => `${found} ${hash}`),
  );
}
