import express, { type Request } from 'express';

/**
 * Studio forms carry whole modules (up to 200 KB of Markdown, more once URL-encoded): they get a larger
 * limit than the app's 200 KB. Mounted on `/studio` before the global parser, which then skips them.
 */
export const studioFormParser = express.urlencoded({ extended: false, limit: '2mb', parameterLimit: 50 });

/** The multipart routes that check the CSRF token themselves, after parsing (see `verifyCsrfToken`). */
export function isStudioUpload(req: Request): boolean {
  return (
    req.method === 'POST' &&
    (req.path === '/studio/import' || /^\/studio\/courses\/[a-z0-9-]+\/(images|gift-import)$/.test(req.path))
  );
}
