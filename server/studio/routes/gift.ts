import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { type Request, type Response, Router } from 'express';
import { translate } from '../../i18n/translate.ts';
import { currentCourseDir } from '../course-dir-state.ts';
import { UploadRefusedError, UploadTooLargeError } from '../errors.ts';
import type { StudioContext } from '../studio-context.ts';
import { exportCourseGift } from '../use-cases/export-course-gift.ts';
import { importGift } from '../use-cases/import-gift.ts';
import { slugOf } from './params.ts';
import { presentIssues } from './present-issues.ts';
import { refusalOf } from './refusals.ts';
import { studioTitle } from './studio-title.ts';
import { withContext } from './with-context.ts';
import { withUpload } from './with-upload.ts';

const maxGiftBytes = 1024 * 1024;

/** Moodle exchange: a course's quizzes as a GIFT file, and a GIFT file's questions into the draft. */
export function giftRoutes(ctx: StudioContext): Router {
  const on = withContext(ctx);
  return Router()
    .get('/studio/courses/:course/gift/:which', on(getGift))
    .get('/studio/courses/:course/gift-import', on(showImport))
    .post('/studio/courses/:course/gift-import', on(postImport));
}

async function getGift(ctx: StudioContext, req: Request, res: Response) {
  const slug = slugOf(req);
  const which = String(req.params.which);
  const text = await exportCourseGift(ctx, slug, which);
  res.set({
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Disposition': `attachment; filename="${slug}-${which}.gift"`,
    'Cache-Control': 'no-store',
  });
  res.send(text);
}

function renderImport(res: Response, slug: string, status: number, locals: object = {}) {
  res.status(status).render('studio/gift-import', {
    title: studioTitle(translate('studio.gift.importTitle')),
    slug,
    titleValue: translate('studio.gift.defaultTitle'),
    ...locals,
  });
}

async function showImport(ctx: StudioContext, req: Request, res: Response) {
  const slug = slugOf(req);
  await currentCourseDir(ctx, slug);
  renderImport(res, slug, 200);
}

async function postImport(ctx: StudioContext, req: Request, res: Response) {
  const slug = slugOf(req);
  await currentCourseDir(ctx, slug);
  const options = {
    fileField: 'gift',
    maxFileBytes: maxGiftBytes,
    tmpDir: ctx.paths.tmpDir,
    tooLarge: () => new UploadTooLargeError('studio.gift.tooLarge', { kb: maxGiftBytes / 1024 }),
  };
  let titleValue = '';
  try {
    await withUpload(req, res, options, async (file, fields) => {
      titleValue = (fields.title ?? '').trim().slice(0, 120);
      if (!file || file.size === 0) throw new UploadRefusedError('studio.gift.noFile');
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(await readFile(file.path));
      } catch {
        throw new UploadRefusedError('studio.gift.notText');
      }
      const fileName = path.basename(file.filename || 'questions.gift').slice(0, 100);
      return importGift(ctx, slug, { text, fileName, title: titleValue || translate('studio.gift.defaultTitle') });
    });
    res.redirect(303, `/studio/courses/${slug}?notice=giftImported`);
  } catch (error) {
    const refusal = refusalOf(error);
    renderImport(res, slug, refusal.status, {
      error: refusal.message,
      issues: presentIssues(refusal.issues, slug),
      titleValue,
    });
  }
}
