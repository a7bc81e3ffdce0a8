import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Express } from 'express';
import type { Config } from './config.ts';
import type { Catalog } from './courses/course.ts';
import { courseRoutes } from './courses/course-routes.ts';
import { errorHandler, notFoundHandler } from './http/error-handler.ts';
import { requestLog } from './http/request-log.ts';
import { securityHeaders } from './http/security-headers.ts';
import { formatDurationFr } from './i18n/format-duration-fr.ts';
import { translate } from './i18n/translate.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface AppDeps {
  config: Config;
  catalog: Catalog;
}

/** Builds the application without listening, so tests drive the real app with supertest. */
export function createApp({ config, catalog }: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.set('view engine', 'ejs');
  app.set('views', path.join(root, 'views'));
  app.set('view cache', config.env !== 'development');
  app.locals.appName = config.org.name;
  app.locals.formatMinutes = formatDurationFr;

  if (config.logRequests) app.use(requestLog());
  app.use((_req, res, next) => {
    // One dictionary today; choosing it per request is where an English interface would plug in.
    res.locals.t = translate;
    next();
  });
  app.use(securityHeaders(config.secure));
  app.use(
    '/static',
    express.static(path.join(root, 'public'), {
      maxAge: config.env === 'production' ? '7d' : 0,
      index: false,
    }),
  );

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', courses: catalog.courses.length });
  });

  app.use(courseRoutes(() => catalog));
  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}
