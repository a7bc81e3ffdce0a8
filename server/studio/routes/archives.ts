import { pipeline } from 'node:stream/promises';
import { type Request, type Response, Router } from 'express';
import { translate } from '../../i18n/translate.ts';
import { resolveCourseDir } from '../course-dir-state.ts';
import { studioScope } from '../course-scope.ts';
import { courseZipStream } from '../course-zip-stream.ts';
import { ZipRefusedError, ZipTooLargeError } from '../errors.ts';
import { zipLimits } from '../extract-zip.ts';
import type { StudioContext } from '../studio-context.ts';
import { importCourseZip } from '../use-cases/import-course-zip.ts';
import { actorOf, slugOf } from './params.ts';
import { presentIssues } from './present-issues.ts';
import { refusalOf } from './refusals.ts';
import { studioTitle } from './studio-title.ts';
import { withContext } from './with-context.ts';
import { withUpload } from './with-upload.ts';

/** Moving courses as zip archives of their folder: import one as a draft, export the draft, the published course or a version. */
export function archiveRoutes(ctx: StudioContext): Router {
  const on = withContext(ctx);
  return Router()
    .get('/studio/import', on(showImport))
    .post('/studio/import', on(postImport))
    .get('/studio/courses/:course/export/:which', on(getExport));
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
const limitsShown = {
  files: zipLimits.maxEntries,
  fileMb: mb(zipLimits.maxEntryBytes),
  totalMb: mb(zipLimits.maxTotalBytes),
};

function renderImport(res: Response, status: number, locals: object = {}) {
  res.status(status).render('studio/import', {
    title: studioTitle(translate('studio.import.title')),
    zipLimits: limitsShown,
    ...locals,
  });
}

function showImport(_ctx: StudioContext, _req: Request, res: Response) {
  renderImport(res, 200);
}

async function postImport(ctx: StudioContext, req: Request, res: Response) {
  const options = {
    fileField: 'archive',
    maxFileBytes: zipLimits.maxTotalBytes,
    tmpDir: ctx.paths.tmpDir,
    tooLarge: () => new ZipTooLargeError('studio.zip.fileTooLarge', { mb: limitsShown.totalMb }),
  };
  // Given back with a refusal, so the trainer does not type it again.
  let slugValue = '';
  try {
    const scope = await studioScope(ctx, res.locals.user!);
    const { slug } = await withUpload(req, res, options, (file, fields) => {
      slugValue = fields.slug ?? '';
      if (!file) throw new ZipRefusedError('studio.zip.noArchive');
      const input = {
        zipFile: file.path,
        originalName: file.filename,
        slug: fields.slug?.trim() || undefined,
        replaceDraft: fields.replaceDraft === 'on',
      };
      return importCourseZip(ctx, input, actorOf(res), scope);
    });
    res.redirect(303, `/studio/courses/${slug}?notice=imported`);
  } catch (error) {
    const refusal = refusalOf(error);
    renderImport(res, refusal.status, { error: refusal.message, issues: presentIssues(refusal.issues, ''), slugValue });
  }
}

// The file name says what the zip holds, in the trainer's words (ASCII: it travels by e-mail and USB keys).
const exportLabels = new Map([
  ['draft', 'studio.export.draftFileName'],
  ['published', 'studio.export.publishedFileName'],
] as const);

async function getExport(ctx: StudioContext, req: Request, res: Response) {
  const slug = slugOf(req);
  const which = String(req.params.which);
  const dir = await resolveCourseDir(ctx, slug, which);
  res.set('Content-Type', 'application/zip');
  const label = exportLabels.get(which as 'draft' | 'published');
  res.set('Content-Disposition', `attachment; filename="${slug}-${label ? translate(label) : which}.zip"`);
  res.set('Cache-Control', 'no-store');
  await pipeline(await courseZipStream(dir, slug), res);
}
