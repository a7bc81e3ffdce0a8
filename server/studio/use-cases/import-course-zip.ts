import { mkdir, open, readdir, rename } from 'node:fs/promises';
import path from 'node:path';
import { courseSlugPattern } from '../../catalog/course-slug-pattern.ts';
import { assetExtensions, imageExtensions } from '../../catalog/limits.ts';
import { isFile } from '../../shared/fs/is-file.ts';
import { withStageDir } from '../../shared/fs/stage-dir.ts';
import { slugify } from '../../shared/slugify.ts';
import { inScope, type Scope, wholeNetwork } from '../../structures/scope.ts';
import { auditCourseChange } from '../audit-course-change.ts';
import { checkUntrustedCourse } from '../check-untrusted-course.ts';
import { courseDirState } from '../course-dir-state.ts';
import { courseInScope } from '../course-scope.ts';
import { detectImageType, imageTypeOfExtension } from '../detect-image-type.ts';
import {
  CourseInvalidError,
  CourseSlugTakenError,
  DraftExistsError,
  ImportOutsideScopeError,
  ZipRefusedError,
} from '../errors.ts';
import { extractZip } from '../extract-zip.ts';
import type { Actor, StudioContext } from '../studio-context.ts';
import { swapThenRecord } from '../swap-then-record.ts';

export interface ImportInput {
  zipFile: string;
  /** The uploaded file's name, used for the slug when the archive has no top folder. */
  originalName: string;
  /** Chosen by the trainer; otherwise the archive's top folder or file name. */
  slug: string | undefined;
  replaceDraft: boolean;
}

export interface ImportResult {
  slug: string;
  /** True when the course already existed: the archive became its draft. */
  existed: boolean;
}

/**
 * Installs a zipped course folder as a draft, never as a published course: extracted to a scratch folder,
 * checked (safe paths, sizes, real image types, the course validator), and only then swapped into the
 * drafts. Any refusal removes the scratch folder and changes nothing.
 */
export async function importCourseZip(
  ctx: StudioContext,
  input: ImportInput,
  actor: Actor,
  scope: Scope = wholeNetwork,
): Promise<ImportResult> {
  return withStageDir(ctx.paths.draftsDir, 'import', async (stage) => {
    const extracted = path.join(stage, 'extracted');
    const files = await extractZip(input.zipFile, extracted);
    const { root, folder } = await findCourseRoot(extracted);
    const slug = input.slug || folder || slugify(input.originalName.replace(/\.zip$/i, ''));
    if (!courseSlugPattern.test(slug) || slug.length > 60) {
      throw new ZipRefusedError('studio.zip.badSlug', { slug });
    }
    const prefix = folder ? `${folder}/` : '';
    for (const file of files) {
      if (!file.startsWith(prefix)) continue;
      const relative = file.slice(prefix.length);
      const extension = path.extname(relative).toLowerCase();
      if (extension !== '.md' && !assetExtensions.includes(extension)) {
        throw new ZipRefusedError('studio.zip.badType', { file: relative, formats: imageExtensions.join(', ') });
      }
      const expected = imageTypeOfExtension(extension);
      if (expected && detectImageType(await readHead(path.join(root, relative))) !== expected) {
        throw new ZipRefusedError('studio.zip.badImage', { file: relative, extension });
      }
    }
    const checkDir = path.join(stage, 'check');
    const candidate = path.join(checkDir, slug);
    // loadCourse takes the slug from the folder name.
    await mkdir(checkDir);
    await rename(root, candidate);
    const checked = await checkUntrustedCourse(ctx, candidate, { displayRoot: checkDir });
    if (!checked.course) {
      throw new CourseInvalidError('studio.zip.invalidCourse', checked.issues, { count: checked.issues.length });
    }
    // A trainer brings in courses of their scope only, and never over another structure's course.
    if (!inScope(scope, checked.course.structure)) throw new ImportOutsideScopeError(checked.course.structure);
    return ctx.lock.run(slug, async () => {
      const state = await courseDirState(ctx, slug);
      if (state.currentDir && !(await courseInScope(ctx, slug, scope))) throw new CourseSlugTakenError(slug);
      if (state.draftDir && !input.replaceDraft) throw new DraftExistsError(slug);
      const details = { replacedDraft: Boolean(state.draftDir), published: Boolean(state.publishedDir) };
      await swapThenRecord(candidate, ctx.paths.draft(slug), () =>
        auditCourseChange(ctx, actor, 'course.imported', slug, details),
      );
      return { slug, existed: Boolean(state.currentDir) };
    });
  });
}

/** The course folder is the archive's root, or its single top folder (how most zip tools save a folder). */
async function findCourseRoot(extracted: string): Promise<{ root: string; folder: string | undefined }> {
  if (await isFile(path.join(extracted, 'course.md'))) return { root: extracted, folder: undefined };
  const entries = (await readdir(extracted, { withFileTypes: true })).filter((e) => !e.name.startsWith('.'));
  const only = entries.length === 1 && entries[0]!.isDirectory() ? entries[0]!.name : undefined;
  if (only && (await isFile(path.join(extracted, only, 'course.md')))) {
    return { root: path.join(extracted, only), folder: only };
  }
  throw new ZipRefusedError('studio.zip.noCourse');
}

async function readHead(file: string): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(16);
    const { bytesRead } = await handle.read(buffer, 0, 16, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
