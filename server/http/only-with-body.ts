import type { RequestHandler } from 'express';

/**
 * Runs a body parser only for requests that have a body (a length or a chunked encoding: the test
 * body-parser makes first), so that pages, which are GETs, do not go through it: its checks were ~1.5 %
 * of a module page's CPU (docs/decisions/026-module-page-cpu.md). Requests with a body are parsed as before.
 */
export function onlyWithBody(parser: RequestHandler): RequestHandler {
  return (req, res, next) => {
    const { headers } = req;
    // `isNaN`, not Number.isNaN: the same coercion of the header as body-parser's own test (type-is).
    // biome-ignore lint/suspicious/noGlobalIsNan: the header's coercion is the point
    if (headers['transfer-encoding'] !== undefined || !isNaN(headers['content-length'] as unknown as number))
      return parser(req, res, next);
    next();
  };
}
