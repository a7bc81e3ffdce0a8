import { rm } from 'node:fs/promises';
import { pagesDir, screenshotsDir } from './helpers/audit.ts';

/** Each run starts from empty artifact folders, so the site report never reads a previous run's pages. */
export default async function setup(): Promise<void> {
  await rm(pagesDir, { recursive: true, force: true });
  await rm(screenshotsDir, { recursive: true, force: true });
}
