import path from 'node:path';
import { Router } from 'express';
import { NotFoundError } from '../http/http-error.ts';
import type { Catalog, Course } from './course.ts';
import { assetExtensions } from './limits.ts';
import { toQuizForm } from './quiz-form.ts';

/** Public reading routes: the catalog, a course, a module and the course's files. */
export function courseRoutes(getCatalog: () => Catalog): Router {
  const router = Router();
  const findCourse = (slug: string | undefined): Course => {
    const course = slug ? getCatalog().bySlug.get(slug) : undefined;
    if (!course) throw new NotFoundError();
    return course;
  };

  router.get(['/', '/courses'], (_req, res) => {
    res.render('courses/catalog', { title: res.locals.t('catalog.title'), courses: getCatalog().courses });
  });

  router.get('/courses/:course', (req, res) => {
    const course = findCourse(req.params.course);
    res.render('courses/course', { title: course.title, course });
  });

  router.get('/courses/:course/assets/*splat', (req, res, next) => {
    const course = findCourse(req.params.course);
    const relative = (req.params as unknown as { splat: string[] }).splat.join('/');
    const file = path.resolve(course.dir, relative);
    // Only files inside the course folder, of an allowed type, never hidden files or Markdown sources.
    if (
      !file.startsWith(course.dir + path.sep) ||
      relative.split('/').some((part) => part.startsWith('.')) ||
      !assetExtensions.includes(path.extname(file).toLowerCase())
    ) {
      throw new NotFoundError();
    }
    res.sendFile(
      file,
      { maxAge: '1h', dotfiles: 'deny', headers: { 'Content-Security-Policy': "default-src 'none'; sandbox" } },
      (error) => {
        if (error) next((error as NodeJS.ErrnoException).code === 'ENOENT' ? new NotFoundError() : error);
      },
    );
  });

  router.get('/courses/:course/:module', (req, res) => {
    const course = findCourse(req.params.course);
    const index = course.modules.findIndex((m) => m.slug === req.params.module);
    const module = course.modules[index];
    if (!module) throw new NotFoundError();
    res.render('courses/module', {
      title: `${module.title} — ${course.title}`,
      course,
      module,
      position: index + 1,
      previous: course.modules[index - 1],
      next: course.modules[index + 1],
      quiz: module.quiz ? toQuizForm(module.quiz) : undefined,
    });
  });

  return router;
}
