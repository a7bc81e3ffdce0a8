import { type Request, type Response, Router } from 'express';
import { limits } from '../../catalog/limits.ts';
import { UploadRefusedError } from '../errors.ts';
import type { StudioContext } from '../studio-context.ts';
import { imageTooLarge, saveImage } from '../use-cases/save-image.ts';
import { slugOf } from './params.ts';
import { refusalOf } from './refusals.ts';
import { renderCoursePage } from './render-course-page.ts';
import { withContext } from './with-context.ts';
import { withUpload } from './with-upload.ts';

/** Adding an image to a course's draft (multipart; the CSRF token is checked while parsing). */
export function imageRoutes(ctx: StudioContext): Router {
  const on = withContext(ctx);
  return Router().post('/studio/courses/:course/images', on(postImage));
}

async function postImage(ctx: StudioContext, req: Request, res: Response) {
  const slug = slugOf(req);
  const options = {
    fileField: 'image',
    maxFileBytes: limits.assetBytes,
    tmpDir: ctx.paths.tmpDir,
    tooLarge: imageTooLarge,
  };
  try {
    const image = await withUpload(req, res, options, (file) => {
      if (!file) throw new UploadRefusedError('studio.upload.noImage');
      return saveImage(ctx, slug, file);
    });
    res.redirect(303, `/studio/courses/${slug}?notice=uploaded&image=${encodeURIComponent(image)}#images`);
  } catch (error) {
    const refusal = refusalOf(error);
    await renderCoursePage(ctx, res, slug, { status: refusal.status, uploadError: refusal.message });
  }
}
