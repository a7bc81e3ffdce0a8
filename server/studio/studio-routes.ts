import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { type ErrorRequestHandler, type NextFunction, type Request, type Response, Router } from 'express';
import { requireRole } from '../accounts/guards.ts';
import { limits } from '../catalog/limits.ts';
import { courseSlugPattern, loadCourse } from '../catalog/load-course.ts';
import { renderMarkdown } from '../catalog/render-markdown.ts';
import { sendCourseAsset } from '../catalog/send-course-asset.ts';
import { parseForm } from '../http/parse-form.ts';
import { moduleView, moduleViewLocals } from '../learning/module-view-locals.ts';
import { NotFoundError } from '../shared/errors.ts';
import { addModule } from './add-module.ts';
import { analyseItems } from './analyse-items.ts';
import { courseDirState } from './course-dir-state.ts';
import { isCourseFileName, isModuleFileName } from './course-file-name.ts';
import { courseZipStream } from './course-zip-stream.ts';
import { createCourse } from './create-course.ts';
import { deleteModule } from './delete-module.ts';
import { discardDraft } from './discard-draft.ts';
import { zipLimits } from './extract-zip.ts';
import { importCourseZip } from './import-course-zip.ts';
import { listCourseVersions } from './list-course-versions.ts';
import { listModuleFiles } from './list-module-files.ts';
import { listStudioCourses } from './list-studio-courses.ts';
import { moduleAttemptsByVersion } from './module-attempts-by-version.ts';
import { moveModule } from './move-module.ts';
import { presentIssues } from './present-issues.ts';
import { previewCourseFile } from './preview-course-file.ts';
import { publishCourse } from './publish-course.ts';
import { receiveMultipart } from './receive-multipart.ts';
import { renameModule } from './rename-module.ts';
import { renderCoursePage } from './render-course-page.ts';
import { editorPanels, renderEditor } from './render-editor.ts';
import { prependToMain, previewSignInHref, renderLearnerView } from './render-learner-view.ts';
import { restoreVersion } from './restore-version.ts';
import { checkSourceSize, normalizeSource, saveCourseFile } from './save-course-file.ts';
import { imageTooLarge, saveImage } from './save-image.ts';
import { sentence } from './sentence.ts';
import { createStudioContext, type StudioContext, type StudioDeps } from './studio-context.ts';
import { StudioError, UploadRefusedError, ZipRefusedError } from './studio-error.ts';
import { InsertImageForm, TitleAndSlugForm, withSuggestedSlug } from './studio-forms.ts';

const guideFile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/authoring.md');

const notices: Record<string, string> = {
  created: 'Formation créée. Elle reste un brouillon, invisible des apprenants, jusqu’à sa publication.',
  imported: 'Archive importée comme brouillon : vérifiez-la, puis publiez-la.',
  published: 'publiée : les apprenants la voient désormais.',
  restored: 'restaurée comme brouillon. Publiez-la pour la rendre visible des apprenants.',
  renamed: 'Module renommé.',
  deleted: 'Module supprimé du brouillon.',
  discarded: 'Brouillon abandonné : vous voyez la version publiée.',
  uploaded: 'Image ajoutée au brouillon.',
};

/**
 * The studio, for trainers and admins: create and edit courses in the course format, preview them as
 * learners will see them, publish validated versions, keep and restore their history, move courses as
 * zip archives and read how each quiz question performs.
 *
 *   GET  /studio                                        courses
 *   GET  /studio/guide                                  the authoring guide
 *   GET  /studio/new, POST /studio/new                  new course
 *   GET  /studio/import, POST /studio/import            import a zip (multipart)
 *   GET  /studio/courses/:course                        course page
 *   POST /studio/courses/:course/modules                add a module
 *   GET  /studio/courses/:course/files/:file            editor (course.md or a module)
 *   POST /studio/courses/:course/files/:file            save | preview | insert-image
 *   POST /studio/courses/:course/files/:file/preview    live preview fragment (studio.js)
 *   GET  /studio/courses/:course/modules/:file/rename, POST same
 *   POST /studio/courses/:course/modules/:file/move     up | down
 *   GET  /studio/courses/:course/modules/:file/delete, POST same
 *   POST /studio/courses/:course/images                 upload an image (multipart)
 *   POST /studio/courses/:course/publish
 *   GET  /studio/courses/:course/discard, POST same
 *   GET  /studio/courses/:course/versions               history
 *   GET  /studio/courses/:course/versions/:version      an old version
 *   POST /studio/courses/:course/versions/:version/restore
 *   GET  /studio/courses/:course/export/:which          zip of draft | published | v<N>
 *   GET  /studio/courses/:course/analysis               quiz item analysis, per module
 *   GET  /studio/courses/:course/analysis/:module
 *   GET  /studio/preview/:course/assets/*splat, GET /studio/preview/:course/:module
 *   GET  /studio/history/:version/:course/assets/*splat, GET /studio/history/:version/:course/:module
 */
export function studioRoutes(deps: StudioDeps): Router {
  const ctx = createStudioContext(deps);
  const router = Router();
  router.use('/studio', ...requireRole('trainer', 'admin'), (_req, res, next) => {
    res.locals.noindex = true;
    next();
  });

  router.get('/studio', async (req, res) => {
    res.render('studio/index', {
      title: 'Studio',
      courses: await listStudioCourses(ctx),
      notice:
        req.query.notice === 'removed' ? 'Brouillon abandonné : la formation, jamais publiée, est supprimée.' : '',
    });
  });

  let guide: { mtimeMs: number; html: string } | undefined;
  router.get('/studio/guide', async (_req, res) => {
    const { mtimeMs } = await stat(guideFile);
    if (guide?.mtimeMs !== mtimeMs) {
      const source = await readFile(guideFile, 'utf8');
      guide = {
        mtimeMs,
        html: renderMarkdown(source, { assetBase: '/studio/guide/', moduleBase: '/studio/guide/' }).html,
      };
    }
    res.render('studio/guide', { title: 'Guide de rédaction — Studio', html: guide.html });
  });

  router.get('/studio/new', (_req, res) => {
    res.render('studio/new-course', { title: 'Nouvelle formation — Studio', values: {}, errors: {} });
  });

  router.post('/studio/new', async (req, res) => {
    const form = parseForm(TitleAndSlugForm, withSuggestedSlug(req.body));
    const renderForm = (errors: Record<string, string>, values: Record<string, unknown>) =>
      res.status(400).render('studio/new-course', { title: 'Nouvelle formation — Studio', values, errors });
    if (!form.ok) return renderForm(form.errors, form.values);
    try {
      await createCourse(ctx, { ...form.data, author: res.locals.user!.name });
    } catch (error) {
      if (!(error instanceof StudioError)) throw error;
      return renderForm({ slug: sentence(error.message) }, form.data);
    }
    res.redirect(303, `/studio/courses/${form.data.slug}?notice=created`);
  });

  router.get('/studio/import', (_req, res) => {
    res.render('studio/import', { title: 'Importer une formation — Studio' });
  });

  router.post('/studio/import', async (req, res) => {
    let upload: Awaited<ReturnType<typeof receiveMultipart>> | undefined;
    try {
      upload = await receiveMultipart(req, res, {
        fileField: 'archive',
        maxFileBytes: zipLimits.maxTotalBytes,
        tmpDir: ctx.paths.tmpDir,
        tooLarge: () =>
          new ZipRefusedError(413, `archive refusée : le fichier dépasse ${zipLimits.maxTotalBytes / 1024 / 1024} Mo.`),
      });
      if (!upload.file) throw new ZipRefusedError(400, 'choisissez une archive .zip à importer.');
      const slug = upload.fields.slug?.trim() || undefined;
      const result = await importCourseZip(
        ctx,
        {
          zipFile: upload.file.path,
          originalName: upload.file.filename,
          slug,
          replaceDraft: upload.fields.replaceDraft === 'on',
        },
        actorOf(res),
      );
      res.redirect(303, `/studio/courses/${result.slug}?notice=imported`);
    } catch (error) {
      if (!(error instanceof StudioError)) throw error;
      res.status(error.status).render('studio/import', {
        title: 'Importer une formation — Studio',
        error: sentence(error.message),
        issues: presentIssues(error.issues, ''),
        slugValue: upload?.fields.slug ?? '',
      });
    } finally {
      await upload?.discard();
    }
  });

  router.get('/studio/courses/:course', async (req, res) => {
    const slug = slugOf(req);
    const version = /^[1-9]\d{0,5}$/.test(String(req.query.version)) ? String(req.query.version) : '';
    const notice =
      version && (req.query.notice === 'published' || req.query.notice === 'restored')
        ? `Version ${version} ${notices[req.query.notice]}`
        : sentence(notices[String(req.query.notice)] ?? '') || undefined;
    const image = String(req.query.image ?? '');
    await renderCoursePage(ctx, res, slug, {
      notice,
      uploadedImage: /^images\/[a-z0-9-]+\.[a-z]+$/.test(image) ? image : undefined,
    });
  });

  router.post('/studio/courses/:course/modules', async (req, res) => {
    const slug = slugOf(req);
    const form = parseForm(TitleAndSlugForm, withSuggestedSlug(req.body));
    if (!form.ok) {
      return renderCoursePage(ctx, res, slug, {
        status: 400,
        moduleForm: { values: form.values, errors: form.errors },
      });
    }
    try {
      const file = await addModule(ctx, slug, { title: form.data.title, moduleSlug: form.data.slug });
      res.redirect(303, `/studio/courses/${slug}/files/${file}`);
    } catch (error) {
      if (!(error instanceof StudioError)) throw error;
      await renderCoursePage(ctx, res, slug, {
        status: 400,
        moduleForm: { values: form.data, errors: { slug: sentence(error.message) } },
      });
    }
  });

  router.get('/studio/courses/:course/files/:file', async (req, res) => {
    await renderEditor(ctx, res, slugOf(req), fileOf(req), {
      notice: req.query.saved ? 'Brouillon enregistré.' : undefined,
    });
  });

  router.post('/studio/courses/:course/files/:file', async (req, res) => {
    const slug = slugOf(req);
    const file = fileOf(req);
    const body = (req.body ?? {}) as Record<string, unknown>;
    let source = normalizeSource(typeof body.source === 'string' ? body.source : '');
    const action = body.action;
    try {
      checkSourceSize(source);
      if (action === 'save') {
        await saveCourseFile(ctx, slug, file, source);
        return res.redirect(303, `/studio/courses/${slug}/files/${file}?saved=1`);
      }
    } catch (error) {
      if (!(error instanceof StudioError)) throw error;
      // The text comes back as typed: a refused save never loses it.
      return renderEditor(ctx, res, slug, file, {
        source,
        status: error.status,
        errors: { source: sentence(error.message) },
      });
    }
    if (action === 'insert-image') {
      const form = parseForm(InsertImageForm, body);
      if (!form.ok) {
        return renderEditor(ctx, res, slug, file, { source, status: 400, errors: form.errors, values: form.values });
      }
      source = `${source.replace(/\n*$/, '')}\n\n![${form.data.alt}](${form.data.image})\n`;
      return renderEditor(ctx, res, slug, file, {
        source,
        notice: 'Image insérée à la fin du texte. Déplacez la ligne si besoin, puis enregistrez le brouillon.',
      });
    }
    await renderEditor(ctx, res, slug, file, {
      source,
      notice: 'Aperçu du texte ci-dessous, pas encore enregistré : pensez à enregistrer le brouillon.',
    });
  });

  router.post('/studio/courses/:course/files/:file/preview', async (req, res) => {
    const slug = slugOf(req);
    const file = fileOf(req);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const source = normalizeSource(typeof body.source === 'string' ? body.source : '');
    let panels: Awaited<ReturnType<typeof editorPanels>>;
    try {
      checkSourceSize(source);
      panels = await editorPanels(ctx, res, slug, file, source);
    } catch (error) {
      if (!(error instanceof StudioError)) throw error;
      const issue = { file, line: 1, message: error.message, href: undefined };
      panels = { fileIssues: [issue], otherIssues: [], previewHtml: '', isolated: false };
    }
    res.render('studio/partials/panels', { slug, file, ...panels });
  });

  router.get('/studio/courses/:course/modules/:file/rename', async (req, res) => {
    const slug = slugOf(req);
    const module = await findModule(ctx, slug, req.params.file);
    res.render('studio/rename-module', {
      title: `Renommer « ${module.title} » — Studio`,
      slug,
      module,
      values: { title: module.title, slug: module.slug },
      errors: {},
      isPublishedModule: isPublishedModule(ctx, slug, module.slug),
    });
  });

  router.post('/studio/courses/:course/modules/:file/rename', async (req, res) => {
    const slug = slugOf(req);
    const module = await findModule(ctx, slug, req.params.file);
    const form = parseForm(TitleAndSlugForm, withSuggestedSlug(req.body));
    const renderForm = (errors: Record<string, string>, values: Record<string, unknown>) =>
      res.status(400).render('studio/rename-module', {
        title: `Renommer « ${module.title} » — Studio`,
        slug,
        module,
        values,
        errors,
        isPublishedModule: isPublishedModule(ctx, slug, module.slug),
      });
    if (!form.ok) return renderForm(form.errors, form.values);
    try {
      await renameModule(ctx, slug, module.file, { title: form.data.title, moduleSlug: form.data.slug });
    } catch (error) {
      if (!(error instanceof StudioError)) throw error;
      return renderForm({ [error.status === 409 ? 'slug' : 'title']: sentence(error.message) }, form.data);
    }
    res.redirect(303, `/studio/courses/${slug}?notice=renamed#modules`);
  });

  router.post('/studio/courses/:course/modules/:file/move', async (req, res) => {
    const slug = slugOf(req);
    const direction = (req.body as Record<string, unknown> | undefined)?.direction;
    if (!isModuleFileName(req.params.file) || (direction !== 'up' && direction !== 'down')) throw new NotFoundError();
    await moveModule(ctx, slug, req.params.file, direction);
    res.redirect(303, `/studio/courses/${slug}#modules`);
  });

  router.get('/studio/courses/:course/modules/:file/delete', async (req, res) => {
    const slug = slugOf(req);
    const module = await findModule(ctx, slug, req.params.file);
    res.render('studio/delete-module', {
      title: `Supprimer « ${module.title} » — Studio`,
      slug,
      module,
      isPublishedModule: isPublishedModule(ctx, slug, module.slug),
    });
  });

  router.post('/studio/courses/:course/modules/:file/delete', async (req, res) => {
    const slug = slugOf(req);
    const module = await findModule(ctx, slug, req.params.file);
    await deleteModule(ctx, slug, module.file);
    res.redirect(303, `/studio/courses/${slug}?notice=deleted#modules`);
  });

  router.post('/studio/courses/:course/images', async (req, res) => {
    const slug = slugOf(req);
    let upload: Awaited<ReturnType<typeof receiveMultipart>> | undefined;
    try {
      upload = await receiveMultipart(req, res, {
        fileField: 'image',
        maxFileBytes: limits.assetBytes,
        tmpDir: ctx.paths.tmpDir,
        tooLarge: imageTooLarge,
      });
      if (!upload.file) throw new UploadRefusedError(400, 'choisissez une image à envoyer.');
      const image = await saveImage(ctx, slug, upload.file);
      res.redirect(303, `/studio/courses/${slug}?notice=uploaded&image=${encodeURIComponent(image)}#images`);
    } catch (error) {
      if (!(error instanceof StudioError)) throw error;
      await renderCoursePage(ctx, res, slug, { status: error.status, uploadError: sentence(error.message) });
    } finally {
      await upload?.discard();
    }
  });

  router.post('/studio/courses/:course/publish', async (req, res) => {
    const slug = slugOf(req);
    try {
      const course = await publishCourse(ctx, slug, actorOf(res));
      res.redirect(303, `/studio/courses/${slug}?notice=published&version=${course.version}`);
    } catch (error) {
      if (!(error instanceof StudioError)) throw error;
      await renderCoursePage(ctx, res, slug, {
        status: error.status,
        publishError: { message: sentence(error.message), issues: presentIssues(error.issues, slug) },
      });
    }
  });

  router.get('/studio/courses/:course/discard', async (req, res) => {
    const slug = slugOf(req);
    const state = await courseDirState(ctx, slug);
    if (!state.draftDir) throw new NotFoundError();
    res.render('studio/discard', {
      title: 'Abandonner le brouillon — Studio',
      slug,
      isPublished: Boolean(state.publishedDir),
    });
  });

  router.post('/studio/courses/:course/discard', async (req, res) => {
    const slug = slugOf(req);
    if (!(await discardDraft(ctx, slug, actorOf(res)))) throw new NotFoundError();
    const state = await courseDirState(ctx, slug);
    res.redirect(303, state.currentDir ? `/studio/courses/${slug}?notice=discarded` : '/studio?notice=removed');
  });

  router.get('/studio/courses/:course/versions', async (req, res) => {
    const slug = slugOf(req);
    const state = await courseDirState(ctx, slug);
    if (!state.currentDir) throw new NotFoundError();
    res.render('studio/versions', {
      title: 'Historique des versions — Studio',
      slug,
      versions: await listCourseVersions(ctx.store, slug),
      current: ctx.catalog.get().bySlug.get(slug)?.version,
      hasDraft: Boolean(state.draftDir),
    });
  });

  router.get('/studio/courses/:course/versions/:version', async (req, res) => {
    const slug = slugOf(req);
    const version = versionOf(req.params.version);
    const row = (await listCourseVersions(ctx.store, slug)).find((v) => v.version === version);
    const dir = ctx.paths.version(slug, version);
    if (!row || !(await isDir(dir))) throw new NotFoundError();
    const { course } = await loadCourse(dir, { displayRoot: path.dirname(dir), urlBase: `/studio/history/${version}` });
    const state = await courseDirState(ctx, slug);
    res.render('studio/version', {
      title: `Version ${version} — Studio`,
      slug,
      row,
      course,
      hasDraft: Boolean(state.draftDir),
      current: ctx.catalog.get().bySlug.get(slug)?.version,
    });
  });

  router.post('/studio/courses/:course/versions/:version/restore', async (req, res) => {
    const slug = slugOf(req);
    const version = versionOf(req.params.version);
    await restoreVersion(ctx, slug, version, actorOf(res));
    res.redirect(303, `/studio/courses/${slug}?notice=restored&version=${version}`);
  });

  router.get('/studio/courses/:course/export/:which', async (req, res) => {
    const slug = slugOf(req);
    const which = String(req.params.which);
    const state = await courseDirState(ctx, slug);
    const dir =
      which === 'draft'
        ? state.draftDir
        : which === 'published'
          ? state.publishedDir
          : /^v[1-9]\d{0,5}$/.test(which)
            ? ctx.paths.version(slug, Number(which.slice(1)))
            : undefined;
    if (!dir || !(await isDir(dir))) throw new NotFoundError();
    const label = which === 'draft' ? 'brouillon' : which === 'published' ? 'publiee' : which;
    res.set('Content-Type', 'application/zip');
    res.set('Content-Disposition', `attachment; filename="${slug}-${label}.zip"`);
    res.set('Cache-Control', 'no-store');
    await pipeline(await courseZipStream(dir, slug), res);
  });

  router.get('/studio/courses/:course/analysis', async (req, res) => {
    const slug = slugOf(req);
    const course = ctx.catalog.get().bySlug.get(slug);
    const state = await courseDirState(ctx, slug);
    if (!state.currentDir) throw new NotFoundError();
    const modules = course
      ? await Promise.all(
          course.modules
            .filter((m) => m.quiz)
            .map(async (m) => ({ module: m, byVersion: await moduleAttemptsByVersion(ctx.store, slug, m.slug) })),
        )
      : [];
    res.render('studio/analysis', { title: 'Analyse des quiz — Studio', slug, course, modules });
  });

  router.get('/studio/courses/:course/analysis/:module', async (req, res) => {
    const slug = slugOf(req);
    const current = ctx.catalog.get().bySlug.get(slug);
    if (!current) throw new NotFoundError();
    const moduleSlug = String(req.params.module);
    const byVersion = await moduleAttemptsByVersion(ctx.store, slug, moduleSlug);
    const version = req.query.version === undefined ? current.version : versionOf(req.query.version);
    // Question and choice ids mean something only within one version: each version is analysed alone.
    const course =
      version === current.version
        ? current
        : (await loadCourse(ctx.paths.version(slug, version), { displayRoot: ctx.paths.coursesDir })).course;
    const module = course?.modules.find((m) => m.slug === moduleSlug);
    if (!module?.quiz && !byVersion.has(version)) throw new NotFoundError();
    const attempts = byVersion.get(version) ?? [];
    res.render('studio/item-analysis', {
      title: `Analyse du quiz — ${module?.title ?? moduleSlug} — Studio`,
      slug,
      courseTitle: current.title,
      moduleSlug,
      moduleTitle: module?.title ?? moduleSlug,
      version,
      currentVersion: current.version,
      versions: [...byVersion.entries()]
        .map(([v, list]) => ({ version: v, count: list.length }))
        .sort((a, b) => b.version - a.version),
      attemptCount: attempts.length,
      learnerCount: new Set(attempts.map((a) => a.userId)).size,
      stats: module?.quiz ? analyseItems(module.quiz, attempts) : undefined,
    });
  });

  router.get('/studio/preview/:course/assets/*splat', async (req, res, next) => {
    const state = await courseDirState(ctx, slugOf(req));
    if (!state.currentDir) throw new NotFoundError();
    sendCourseAsset(res, next, state.currentDir, splatOf(req), 'no-store');
  });

  router.get('/studio/preview/:course/:module', async (req, res) => {
    const slug = slugOf(req);
    const state = await courseDirState(ctx, slug);
    if (!state.currentDir) throw new NotFoundError();
    const module = (await listModuleFiles(state.currentDir)).find((m) => m.slug === req.params.module);
    if (!module) throw new NotFoundError();
    const preview = await previewCourseFile(ctx, slug, module.file);
    if (!preview.course || preview.moduleIndex === -1) {
      throw new StudioError(
        422,
        'ce module contient des erreurs : corrigez-les pour voir l’aperçu.',
        preview.fileIssues,
      );
    }
    const page = await renderLearnerView(
      res,
      moduleView,
      moduleViewLocals(preview.course, preview.moduleIndex, { signInHref: previewSignInHref }),
      {
        slug,
        moduleBase: '/studio/preview',
      },
    );
    res.send(
      prependToMain(
        page,
        `<p class="notice">Aperçu du brouillon, tel que les apprenants le verront après publication. <a href="/studio/courses/${slug}/files/${module.file}">Revenir à l’éditeur</a></p>`,
      ),
    );
  });

  router.get('/studio/history/:version/:course/assets/*splat', async (req, res, next) => {
    const dir = ctx.paths.version(slugOf(req), versionOf(req.params.version));
    if (!(await isDir(dir))) throw new NotFoundError();
    sendCourseAsset(res, next, dir, splatOf(req), 'no-store');
  });

  router.get('/studio/history/:version/:course/:module', async (req, res) => {
    const slug = slugOf(req);
    const version = versionOf(req.params.version);
    const dir = ctx.paths.version(slug, version);
    if (!(await isDir(dir))) throw new NotFoundError();
    const { course } = await loadCourse(dir, { displayRoot: path.dirname(dir), urlBase: `/studio/history/${version}` });
    const index = course?.modules.findIndex((m) => m.slug === req.params.module) ?? -1;
    if (!course || index === -1) throw new NotFoundError();
    const page = await renderLearnerView(
      res,
      moduleView,
      moduleViewLocals(course, index, { signInHref: previewSignInHref }),
      {
        slug,
        moduleBase: `/studio/history/${version}`,
      },
    );
    res.send(
      prependToMain(
        page,
        `<p class="notice">Version ${version} de la formation (archive). <a href="/studio/courses/${slug}/versions/${version}">Revenir à cette version</a></p>`,
      ),
    );
  });

  router.use(studioErrors);
  return router;
}

/** Refusals that are not a form to re-render get a page that says why, and what to fix. */
const studioErrors: ErrorRequestHandler = (error, req, res, next) => {
  if (!(error instanceof StudioError) || !req.path.startsWith('/studio')) return next(error);
  const slug = /^\/studio\/(?:courses|preview|history\/\d+)\/([a-z0-9-]+)/.exec(req.path)?.[1];
  res.status(error.status).render('studio/refused', {
    title: 'Action impossible — Studio',
    message: sentence(error.message),
    issues: slug ? presentIssues(error.issues, slug) : [],
    backHref: slug && courseSlugPattern.test(slug) ? `/studio/courses/${slug}` : '/studio',
  });
};

function slugOf(req: Request): string {
  const slug = req.params.course;
  if (typeof slug !== 'string' || !courseSlugPattern.test(slug) || slug.length > 80) throw new NotFoundError();
  return slug;
}

function fileOf(req: Request): string {
  if (!isCourseFileName(req.params.file)) throw new NotFoundError();
  return req.params.file;
}

function versionOf(value: unknown): number {
  const version = Number(value);
  if (typeof value !== 'string' || !/^[1-9]\d{0,5}$/.test(value) || !Number.isSafeInteger(version)) {
    throw new NotFoundError();
  }
  return version;
}

function splatOf(req: Request): string[] {
  return (req.params as unknown as { splat: string[] }).splat;
}

const actorOf = (res: Response) => ({ id: res.locals.user!.id, name: res.locals.user!.name });

const isDir = (dir: string) =>
  stat(dir).then(
    (s) => s.isDirectory(),
    () => false,
  );

async function findModule(ctx: StudioContext, slug: string, file: unknown) {
  if (!isModuleFileName(file)) throw new NotFoundError();
  const state = await courseDirState(ctx, slug);
  if (!state.currentDir) throw new NotFoundError();
  const module = (await listModuleFiles(state.currentDir)).find((m) => m.file === file);
  if (!module) throw new NotFoundError();
  return module;
}

/** Learners' progress is recorded by module slug: renaming or deleting a published module detaches it. */
function isPublishedModule(ctx: StudioContext, slug: string, moduleSlug: string): boolean {
  return Boolean(
    ctx.catalog
      .get()
      .bySlug.get(slug)
      ?.modules.some((m) => m.slug === moduleSlug),
  );
}
