import path from 'node:path';
import { jobAidFile } from '../../catalog/job-aid.ts';
import { isFile } from '../../shared/fs/is-file.ts';
import { writeFileAtomic } from '../../shared/fs/write-file-atomic.ts';
import { jobAidTemplate } from '../course-templates.ts';
import { ensureDraft } from '../ensure-draft.ts';
import type { StudioContext } from '../studio-context.ts';

/** Starts the course's job aid (`fiche.md`) in the draft from the template; an existing one is kept as it is. */
export async function addJobAid(ctx: StudioContext, slug: string, title: string): Promise<string> {
  await ctx.lock.run(slug, async () => {
    const target = path.join(await ensureDraft(ctx, slug), jobAidFile);
    if (!(await isFile(target))) await writeFileAtomic(target, jobAidTemplate({ title }));
  });
  return jobAidFile;
}
