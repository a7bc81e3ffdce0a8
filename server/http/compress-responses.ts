import { constants } from 'node:zlib';
import compression from 'compression';

/**
 * Pages are 5–15 KB of HTML; on a slow mobile link (400 kbit/s) that is 0.1–0.3 s each, and compression
 * makes them 2–3× smaller. It costs CPU on every response, about as much as building a cached module page
 * (`npm run bench:page` measures it), so the fastest settings that still compress well are used: brotli
 * quality 2 and gzip level 1 cost about half of brotli 4 or gzip 6 for 3–6 % larger pages (13 KB → 5.5 KB
 * instead of 5.2 KB). Bodies under 1 KB, which fit in one packet anyway, are sent as they are. Static files
 * come precompressed (static-assets.ts) and are left alone: the middleware skips a response that already
 * has a Content-Encoding.
 */
export const compressResponses = compression({
  threshold: 1024,
  level: 1,
  brotli: { params: { [constants.BROTLI_PARAM_QUALITY]: 2 } },
});
