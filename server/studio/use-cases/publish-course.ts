import { readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { recordAudit } from '../../audit/record-audit.ts';
import type { Course } from '../../catalog/course.ts';
import type { CourseIssue } from '../../catalog/course-issue.ts';
import { loadCourse } from '../../catalog/load-course.ts';
import { copyDir } from '../../shared/fs/copy-dir.ts';
import { withStageDir } from '../../shared/fs/stage-dir.ts';
import { fsyncDir, writeFileAtomic } from '../../shared/fs/write-file-atomic.ts';
import { inScope, type Scope, wholeNetwork } from '../../structures/scope.ts';
import { checkUntrustedCourse, checkUntrustedJobAid } from '../check-untrusted-course.ts';
import { courseDirState } from '../course-dir-state.ts';
import { CourseInvalidError, NothingToPublishError, PublishOutsideScopeError } from '../errors.ts';
import { setFrontMatterField } from '../front-matter-field.ts';
import { publishedVersion } from '../published-version.ts';
import { courseVersions } from '../queries.ts';
import { courseVersionId } from '../schema.ts';
import type { Actor, StudioContext } from '../studio-context.ts';
import { swapThenRecord } from '../swap-then-record.ts';

/**
 * Publishes the draft as version N + 1, all or nothing: the draft must validate; it is copied next to the
 * published folder, checked again, copied to the history, swapped in with renames, recorded in the store,
 * and only then shown to learners. Any failure before the swap leaves the published course untouched;
 * a failure after it rolls the swap back.
 */
export async function publishCourse(
  ctx: StudioContext,
  slug: string,
  actor: Actor,
  scope: Scope = wholeNetwork,
): Promise<Course> {
  return ctx.lock.run(slug, async () => {
    const state = await courseDirState(ctx, slug);
    if (!state.draftDir) throw new NothingToPublishError();
    const draftDir = state.draftDir;
    const draft = await validCourse(ctx, draftDir, ctx.paths.draftsDir);
    // A trainer publishes only where they hold the trainer role (the course's structure and below).
    if (!inScope(scope, draft.structure)) throw new PublishOutsideScopeError(draft.structure);

    const previous = await publishedVersion(ctx, slug);
    const version = previous + 1;
    const coursePath = path.join(draftDir, 'course.md');
    await writeFileAtomic(coursePath, setFrontMatterField(await readFile(coursePath, 'utf8'), 'version', version));

    const publishedDir = ctx.paths.published(slug);
    const course = await withStageDir(ctx.paths.coursesDir, 'publish', async (stage) => {
      const staged = path.join(stage, slug);
      await copyDir(draftDir, staged, { durable: true });
      await validCourse(ctx, staged, stage);

      const known = new Set((await courseVersions(ctx.store, slug)).map((v) => v.version));
      // The version on disk before the studio's first publication goes to the history too, so it can be restored.
      const baseline =
        state.publishedDir && previous >= 1 && !known.has(previous)
          ? (await loadCourse(state.publishedDir, { displayRoot: ctx.paths.coursesDir })).course
          : undefined;
      if (baseline) await keepInHistory(ctx, slug, previous, state.publishedDir!);
      await keepInHistory(ctx, slug, version, staged);

      return swapThenRecord(staged, publishedDir, async () => {
        const loaded = await validCourse(ctx, publishedDir, process.cwd());
        const now = ctx.clock();
        await ctx.store.transact((tx) => {
          if (baseline) {
            tx.put('courseVersions', {
              id: courseVersionId(slug, previous),
              course: slug,
              version: previous,
              publishedAt: null,
              publishedBy: null,
              publishedByName: null,
              contentHash: baseline.contentHash,
            });
          }
          tx.put('courseVersions', {
            id: courseVersionId(slug, version),
            course: slug,
            version,
            publishedAt: now.toISOString(),
            publishedBy: actor.id,
            publishedByName: actor.name,
            contentHash: loaded.contentHash,
          });
          recordAudit(tx, {
            at: now,
            actorId: actor.id,
            action: 'course.published',
            target: slug,
            details: { version },
          });
        });
        return loaded;
      });
    });
    ctx.catalog.publish(course);
    // The published folder is now the reference; the next edit starts a new draft from it.
    await rm(draftDir, { recursive: true, force: true });
    return course;
  });
}

/** The course in `dir`, or CourseInvalidError with the validator's issues. */
async function validCourse(ctx: StudioContext, dir: string, displayRoot: string): Promise<Course> {
  const { course, issues } = await checkUntrustedCourse(ctx, dir, { displayRoot });
  if (!course) throw invalidCourse(issues);
  const display = (file: string) => path.relative(displayRoot, path.join(dir, file));
  const tooLong = await checkUntrustedJobAid(ctx, course, display);
  if (tooLong.length > 0) throw invalidCourse(tooLong);
  return course;
}

function invalidCourse(issues: readonly CourseIssue[]): CourseInvalidError {
  return issues.length === 1
    ? new CourseInvalidError('studio.refused.invalidOne', issues)
    : new CourseInvalidError('studio.refused.invalidMany', issues, { count: issues.length });
}

/** Copies a course folder to `course-versions/<slug>/v<N>/<slug>/`, replacing a leftover of a failed attempt. */
async function keepInHistory(ctx: StudioContext, slug: string, version: number, source: string): Promise<void> {
  const target = path.dirname(ctx.paths.version(slug, version));
  const parent = path.dirname(target);
  await withStageDir(parent, `v${version}`, async (stage) => {
    await copyDir(source, path.join(stage, slug), { durable: true });
    await rm(target, { recursive: true, force: true });
    await rename(stage, target);
    await fsyncDir(parent);
  });
}
