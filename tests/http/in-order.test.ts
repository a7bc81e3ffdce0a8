import express, { type ErrorRequestHandler, type RequestHandler, Router } from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { inOrder } from '../../server/http/in-order.ts';
import { routesUnder } from '../../server/http/routes-under.ts';

/** An app whose handlers run in one layer, then a plain route and an error handler that say who ran. */
function appWith(...handlers: RequestHandler[]) {
  const app = express();
  app.use((_req, res, next) => {
    res.locals.ran = [];
    next();
  });
  app.use(inOrder(...handlers));
  app.get('/after', (_req, res) => {
    res.json({ ran: res.locals.ran, reached: 'after' });
  });
  const onError: ErrorRequestHandler = (err: Error, _req, res, _next) => {
    res.status(500).json({ ran: res.locals.ran, error: err.message });
  };
  app.use(onError);
  return app;
}
const step =
  (name: string): RequestHandler =>
  (_req, res, next) => {
    res.locals.ran.push(name);
    next();
  };

describe('handlers grouped in one router layer', () => {
  it('runs them one after the other, then the layers after the group', async () => {
    const skipToNext: RequestHandler = (_req, res, next) => {
      res.locals.ran.push('route');
      next('route');
    };
    const res = await request(appWith(step('a'), skipToNext, step('b')))
      .get('/after')
      .expect(200);
    expect(res.body).toEqual({ ran: ['a', 'route', 'b'], reached: 'after' });
  });

  it('lets a handler answer, and runs nothing after it', async () => {
    const answer: RequestHandler = (_req, res) => {
      res.send('answered');
    };
    await request(appWith(step('a'), answer, step('b')))
      .get('/after')
      .expect(200, 'answered');
  });

  it('runs routers as app.use would, their routes matched on the full path', async () => {
    const router = Router();
    router.get('/courses/:course', (req, res) => {
      res.send(`course ${req.params.course}`);
    });
    const app = appWith(step('a'), router, step('b'));
    await request(app).get('/courses/ess').expect(200, 'course ess');
    expect((await request(app).get('/after').expect(200)).body.ran).toEqual(['a', 'b']);
  });

  it('runs a group of routes only for its paths, and the rest of the group for every path', async () => {
    const hr = Router();
    hr.get('/hr/report', (_req, res) => {
      res.send('report');
    });
    const app = appWith(step('a'), routesUnder(['/hr'], hr), step('b'));
    await request(app).get('/hr/report').expect(200, 'report');
    expect((await request(app).get('/after').expect(200)).body.ran).toEqual(['a', 'b']);
    expect((await request(app).get('/hr/nothing-here').expect(404)).text).not.toContain('report');
  });

  it('sends an error, a throw or a rejected promise to the error handler, past the rest of the group', async () => {
    const fails: Record<string, RequestHandler> = {
      next: (_req, _res, next) => next(new Error('passed on')),
      throw: () => {
        throw new Error('thrown');
      },
      reject: async () => {
        throw new Error('rejected');
      },
    };
    for (const [kind, handler] of Object.entries(fails)) {
      const res = await request(appWith(step('a'), handler, step('b')))
        .get('/after')
        .expect(500);
      expect(res.body.ran, kind).toEqual(['a']);
      expect(res.body.error, kind).toMatch(/passed on|thrown|rejected/);
    }
  });

  it('refuses an error handler, which it would never call', () => {
    const onError: ErrorRequestHandler = (_err, _req, _res, next) => next();
    expect(() => inOrder(onError as unknown as RequestHandler)).toThrow(TypeError);
  });
});
