import { constants } from 'node:zlib';
import compression from 'compression';
import type { RequestHandler } from 'express';

/**
 * Pages are 5–15 KB of HTML; on a slow mobile link (400 kbit/s) that is 0.1–0.3 s each, and compression
 * makes them 2–3× smaller. It costs CPU on every response, about as much as building a cached module page
 * (`npm run bench:page` measures it), so the fastest settings that still compress well are used: brotli
 * quality 2 and gzip level 1 cost about half of brotli 4 or gzip 6 for 3–6 % larger pages (13 KB → 5.5 KB
 * instead of 5.2 KB). Bodies under 1 KB, which fit in one packet anyway, are sent as they are. Static files
 * come precompressed (static-assets.ts), and module pages gzipped from pieces deflated once
 * (module-page-cache.ts): the middleware skips a response that already has a Content-Encoding.
 */
const compressWithMiddleware = compression({
  threshold: 1024,
  level: 1,
  brotli: { params: { [constants.BROTLI_PARAM_QUALITY]: 2 } },
});

/**
 * A request that takes no encoding (scripts, load tools, some proxies) is answered as it is without the
 * middleware, whose wrapping of every response cost ~8 % of a cached module page's CPU; the answer still
 * says that it depends on Accept-Encoding, as the middleware would.
 */
export const compressResponses: RequestHandler = (req, res, next) => {
  if (req.headers['accept-encoding'] !== undefined) return compressWithMiddleware(req, res, next);
  res.vary('Accept-Encoding');
  next();
};
