import type { Response } from 'express';

/** Renders a template to a string with the response's locals (res.render would send it). */
export function renderToString(res: Response, view: string, locals: Record<string, unknown>): Promise<string> {
  return new Promise((resolve, reject) => {
    res.app.render(view, { ...res.locals, ...locals }, (error, html) => (error ? reject(error) : resolve(html)));
  });
}
