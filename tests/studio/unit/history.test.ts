import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../../../server/shared/errors.ts';
import { ensureDraft } from '../../../server/studio/ensure-draft.ts';
import { courseHistory } from '../../../server/studio/use-cases/course-history.ts';
import { discardDraft } from '../../../server/studio/use-cases/discard-draft.ts';
import { draftToDiscard } from '../../../server/studio/use-cases/draft-to-discard.ts';
import { historyModule } from '../../../server/studio/use-cases/history-module.ts';
import { historyVersion } from '../../../server/studio/use-cases/history-version.ts';
import { publishCourse } from '../../../server/studio/use-cases/publish-course.ts';
import { restoreVersion } from '../../../server/studio/use-cases/restore-version.ts';
import { listTree } from '../studio-test-app.ts';
import { openStudioContexts, type StudioTestContext, trainer } from '../studio-test-context.ts';

const open = openStudioContexts();

/** Publishes version 3 of the demo course, whose first module says `text`. */
async function publishVersion3({ ctx }: StudioTestContext, text: string) {
  const file = path.join(await ensureDraft(ctx, 'demo'), '01-premier.md');
  await writeFile(file, (await readFile(file, 'utf8')).replace('Une autre idée.', text));
  await publishCourse(ctx, 'demo', trainer);
}

describe('the history of published versions', () => {
  it('lists the versions newest first, the one online and whether a draft exists', async () => {
    const t = await open();
    await publishVersion3(t, 'Version trois.');
    const history = await courseHistory(t.ctx, 'demo');
    expect(history.versions.map((v) => [v.version, v.publishedByName])).toEqual([
      [3, 'Formatrice'],
      [2, null],
    ]);
    expect(history).toMatchObject({ current: 3, hasDraft: false });
    await expect(courseHistory(t.ctx, 'inconnu')).rejects.toThrow(NotFoundError);
  });

  it('shows a kept version and its modules as they were published', async () => {
    const t = await open();
    await publishVersion3(t, 'Version trois.');
    const v2 = await historyVersion(t.ctx, 'demo', 2);
    expect(v2.row.publishedAt).toBeNull();
    expect(v2.course?.version).toBe(2);
    const { course, index } = await historyModule(t.ctx, 'demo', 2, 'premier');
    expect(course.modules[index]!.htmlBefore).toContain('Une autre idée.');
    await expect(historyVersion(t.ctx, 'demo', 9)).rejects.toThrow(NotFoundError);
    await expect(historyModule(t.ctx, 'demo', 2, 'inconnu')).rejects.toThrow(NotFoundError);
  });

  it('restores a kept version as the draft, recording who did it, without changing what learners see', async () => {
    const t = await open();
    await publishVersion3(t, 'Version trois.');
    await restoreVersion(t.ctx, 'demo', 2, trainer);
    expect(await readFile(path.join(t.draftsDir, 'demo/01-premier.md'), 'utf8')).toContain('Une autre idée.');
    expect(await readFile(path.join(t.coursesDir, 'demo/01-premier.md'), 'utf8')).toContain('Version trois.');
    const audit = [];
    for await (const entry of t.store.all('audit')) audit.push([entry.action, entry.actorId, entry.details]);
    expect(audit).toContainEqual(['course.version_restored', trainer.id, { version: 2 }]);
    await expect(restoreVersion(t.ctx, 'demo', 7, trainer)).rejects.toThrow(NotFoundError);
  });
});

describe('discardDraft', () => {
  it('throws the draft away and says whether the course is gone with it', async () => {
    const t = await open();
    await ensureDraft(t.ctx, 'demo');
    expect(await draftToDiscard(t.ctx, 'demo')).toEqual({ isPublished: true });
    expect(await discardDraft(t.ctx, 'demo', trainer)).toEqual({ courseRemoved: false });
    expect(await listTree(t.draftsDir)).toEqual([]);
    await expect(draftToDiscard(t.ctx, 'demo')).rejects.toThrow(NotFoundError);
    await expect(discardDraft(t.ctx, 'demo', trainer)).rejects.toThrow(NotFoundError);
  });
});
