// F3 of the security test: a trainer's `<img>` pointing at an HR export made the browser of every HR
// person who opened the course run the export, in their name. Images may only be the course's own files
// (a Markdown image elsewhere is a course issue; a raw `<img>` elsewhere is dropped when rendering).
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, createTestApp, signIn, type TestApp } from '../../helpers/test-app.ts';
import { fixturesDir } from '../../helpers/test-config.ts';

let t: TestApp;
let coursesDir: string;

beforeAll(async () => {
  coursesDir = await mkdtemp(path.join(os.tmpdir(), 'passerelle-forged-'));
  await cp(path.join(fixturesDir, 'courses/valid/demo'), path.join(coursesDir, 'demo'), { recursive: true });
  const file = path.join(coursesDir, 'demo/01-premier.md');
  const forged = [
    '<img src="/hr/exports/completions.csv?format=rfc&x=/assets/" alt="">',
    '<img src="/courses/demo/assets/../../../hr/exports/completions.csv" alt="">',
  ].join('\n\n');
  await writeFile(
    file,
    (await readFile(file, 'utf8')).replace('- Une autre idée.', `- Une autre idée.\n\n${forged}\n`),
  );
  t = await createTestApp({ coursesDir });
});
afterAll(async () => {
  await t.close();
  await rm(coursesDir, { recursive: true, force: true });
});

describe('an image in a course that points at an HR export', () => {
  it('is not in the page HR reads, so opening the course exports nothing and audits nothing', async () => {
    const hr = await signIn(t, await addUser(t, 'hr'));
    const page = await hr.get('/courses/demo/premier').expect(200);
    expect(page.text).not.toContain('/hr/exports');
    // Do what the browser does with every image of the page, with HR's cookies.
    for (const [, src] of page.text.matchAll(/<img[^>]*\ssrc="([^"]+)"/g))
      await hr.get((src as string).replace(/&amp;/g, '&'));
    const audit = [];
    for await (const entry of t.store.all('audit')) audit.push(entry.action);
    expect(audit).not.toContain('report.completions_exported');
  });
});
