import { type RequestHandler, Router } from 'express';
import { requireRole } from '../accounts/guards.ts';
import type { Catalog } from '../catalog/course.ts';
import type { AppStore } from '../store/app-collections.ts';
import { viewOf } from '../structures/scope.ts';
import { parseCompletionFilters } from './completion-filters.ts';
import { progressionPage } from './progression-page.ts';

/** « Progression par objectif »: roles hr and admin, aggregated figures only (progression-page.ts). */
export function progressionRoutes(deps: { store: AppStore; getCatalog: () => Catalog }): Router {
  return Router().get('/hr/progression', ...requireRole('hr', 'admin'), showProgression(deps));
}

const showProgression =
  (deps: { store: AppStore; getCatalog: () => Catalog }): RequestHandler =>
  async (req, res) => {
    const parsed = parseCompletionFilters(req.query);
    const view = await viewOf(deps.store, res.locals.user!, ['hr', 'admin']);
    const page = await progressionPage(parsed, { store: deps.store, catalog: deps.getCatalog(), view });
    res.status(Object.keys(parsed.errors).length > 0 ? 400 : 200).render('hr/progression', page);
  };
