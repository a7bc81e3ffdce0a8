import type request from 'supertest';
import { afterEach, expect } from 'vitest';
import { addUser, createTestApp, signIn, type TestApp } from '../../helpers/test-app.ts';
import { parseCsv } from '../parse-csv.ts';
import { lilas, seedCompletions } from '../seed-completions.ts';

const opened: TestApp[] = [];
afterEach(async () => {
  for (const t of opened.splice(0)) await t.close().catch(() => {});
});

/** The app on the valid fixture catalog (course 'demo'), with the seeded learners, and an HR agent. */
export async function hrApp() {
  const t = await createTestApp();
  opened.push(t);
  await seedCompletions(t.store);
  const hr = await addUser(t, 'hr', { name: 'Rose RH', structure: lilas });
  return { t, hr, agent: await signIn(t, hr) };
}

/** How many audit entries there are besides sign-ins (those of HR and admin accounts are audited too). */
export async function auditBesidesSignIns(t: TestApp): Promise<number> {
  let count = 0;
  for await (const entry of t.store.all('audit')) if (!entry.action.startsWith('user.sign')) count += 1;
  return count;
}

/** A download as raw bytes (supertest would decode text/csv as a string and hide the BOM). */
export function download(agent: request.Agent, url: string) {
  return agent
    .get(url)
    .buffer(true)
    .parse((res, callback) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => callback(null, Buffer.concat(chunks)));
    });
}

/** Records of an excel-fr CSV download, after checking its BOM. */
export function excelCsv(body: Buffer): string[][] {
  expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return parseCsv(body.subarray(3).toString('utf8'), ';');
}

export const nameColumn = 0;
export const statusColumn = 6;
export const endColumn = 8;

export const hrUrls = [
  '/hr',
  '/hr/learners/alice',
  '/hr/exports/completions.csv',
  '/hr/exports/completions.xlsx',
  '/hr/satisfaction',
  '/hr/satisfaction/export.csv',
  '/hr/learners/alice/activite.pdf',
  '/hr/learners/alice/activite.csv',
];
