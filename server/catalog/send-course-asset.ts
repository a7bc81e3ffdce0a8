import path from 'node:path';
import type { NextFunction, Response } from 'express';
import { NotFoundError } from '../shared/errors.ts';
import { assetExtensions } from './limits.ts';

/**
 * Serves a file of a course folder: only inside the folder, of an allowed type, never hidden files or
 * Markdown sources; anything else is a 404. Served sandboxed, so even a crafted file cannot run script.
 */
export function sendCourseAsset(
  res: Response,
  next: NextFunction,
  dir: string,
  parts: string[],
  cacheControl: { maxAge: string } | 'no-store',
): void {
  const file = path.resolve(dir, parts.join('/'));
  if (
    !file.startsWith(dir + path.sep) ||
    parts.some((part) => part.startsWith('.')) ||
    !assetExtensions.includes(path.extname(file).toLowerCase())
  ) {
    throw new NotFoundError();
  }
  const headers: Record<string, string> = { 'Content-Security-Policy': "default-src 'none'; sandbox" };
  if (cacheControl === 'no-store') headers['Cache-Control'] = 'no-store';
  res.sendFile(
    file,
    { dotfiles: 'deny', headers, ...(cacheControl === 'no-store' ? { cacheControl: false } : cacheControl) },
    (error) => {
      if (error) next((error as NodeJS.ErrnoException).code === 'ENOENT' ? new NotFoundError() : error);
    },
  );
}
