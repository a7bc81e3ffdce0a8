import { readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { recordAudit } from '../audit/record-audit.ts';
import type { Course } from '../catalog/course.ts';
import { loadCourse } from '../catalog/load-course.ts';
import { copyDir } from './copy-dir.ts';
import { courseDirState } from './course-dir-state.ts';
import { setFrontMatterField } from './front-matter-field.ts';
import { courseVersionId, listCourseVersions } from './list-course-versions.ts';
import { publishedVersion } from './published-version.ts';
import { withStageDir } from './stage-dir.ts';
import type { StudioContext } from './studio-context.ts';
import { CourseInvalidError, StudioError } from './studio-error.ts';
import { swapDir } from './swap-dir.ts';
import { fsyncDir, writeFileAtomic } from './write-file-atomic.ts';

export interface Actor {
  id: string;
  name: string;
}

export function issuesMessage(count: number): string {
  return count === 1
    ? 'la formation contient 1 erreur : corrigez-la avant de publier.'
    : `la formation contient ${count} erreurs : corrigez-les avant de publier.`;
}

/**
 * Publishes the draft as version N + 1, all or nothing: the draft must validate; it is copied next to the
 * published folder, checked again, copied to the history, swapped in with renames, recorded in the store,
 * and only then shown to learners. Any failure before the swap leaves the published course untouched;
 * a failure after it rolls the swap back.
 */
export async function publishCourse(ctx: StudioContext, slug: string, actor: Actor): Promise<Course> {
  return ctx.lock.run(slug, async () => {
    const state = await courseDirState(ctx, slug);
    if (!state.draftDir) {
      throw new StudioError(409, 'rien à publier : aucune modification depuis la dernière publication.');
    }
    const draftDir = state.draftDir;
    const checked = await loadCourse(draftDir, { displayRoot: ctx.paths.draftsDir });
    if (!checked.course) throw new CourseInvalidError(issuesMessage(checked.issues.length), checked.issues);

    const previous = await publishedVersion(ctx, slug);
    const version = previous + 1;
    const coursePath = path.join(draftDir, 'course.md');
    await writeFileAtomic(coursePath, setFrontMatterField(await readFile(coursePath, 'utf8'), 'version', version));

    const publishedDir = ctx.paths.published(slug);
    const course = await withStageDir(ctx.paths.coursesDir, 'publish', async (stage) => {
      const staged = path.join(stage, slug);
      await copyDir(draftDir, staged, { durable: true });
      const stagedCheck = await loadCourse(staged, { displayRoot: stage });
      if (!stagedCheck.course)
        throw new CourseInvalidError(issuesMessage(stagedCheck.issues.length), stagedCheck.issues);

      const known = new Set((await listCourseVersions(ctx.store, slug)).map((v) => v.version));
      // The version on disk before the studio's first publication goes to the history too, so it can be restored.
      const baseline =
        state.publishedDir && previous >= 1 && !known.has(previous)
          ? await loadCourse(state.publishedDir, { displayRoot: ctx.paths.coursesDir })
          : undefined;
      if (baseline?.course) await keepInHistory(ctx, slug, previous, state.publishedDir!);
      await keepInHistory(ctx, slug, version, staged);

      const swap = await swapDir(staged, publishedDir);
      try {
        const loaded = await loadCourse(publishedDir, { displayRoot: process.cwd() });
        if (!loaded.course) throw new CourseInvalidError(issuesMessage(loaded.issues.length), loaded.issues);
        const now = ctx.clock();
        await ctx.store.transact((tx) => {
          if (baseline?.course) {
            tx.put('courseVersions', {
              id: courseVersionId(slug, previous),
              course: slug,
              version: previous,
              publishedAt: null,
              publishedBy: null,
              publishedByName: null,
              contentHash: baseline.course.contentHash,
            });
          }
          tx.put('courseVersions', {
            id: courseVersionId(slug, version),
            course: slug,
            version,
            publishedAt: now.toISOString(),
            publishedBy: actor.id,
            publishedByName: actor.name,
            contentHash: loaded.course!.contentHash,
          });
          recordAudit(tx, {
            at: now,
            actorId: actor.id,
            action: 'course.published',
            target: slug,
            details: { version },
          });
        });
        await swap.commit();
        return loaded.course;
      } catch (error) {
        await swap.rollback();
        throw error;
      }
    });
    ctx.catalog.publish(course);
    // The published folder is now the reference; the next edit starts a new draft from it.
    await rm(draftDir, { recursive: true, force: true });
    return course;
  });
}

/** Copies a course folder to `course-versions/<slug>/v<N>/<slug>/`, replacing a leftover of a failed attempt. */
async function keepInHistory(ctx: StudioContext, slug: string, version: number, source: string): Promise<void> {
  const target = path.dirname(ctx.paths.version(slug, version));
  const parent = path.dirname(target);
  await withStageDir(parent, `v${version}`, async (stage) => {
    await copyDir(source, path.join(stage, slug), { durable: true });
    if (
      await stat(target).then(
        () => true,
        () => false,
      )
    )
      await rm(target, { recursive: true, force: true });
    await rename(stage, target);
    await fsyncDir(parent);
  });
}
