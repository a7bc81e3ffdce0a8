import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Course } from '../../../server/catalog/course.ts';
import { loadCatalog } from '../../../server/catalog/load-catalog.ts';
import { issueCertificate } from '../../../server/certificates/issue-certificate.ts';
import { openAppStore } from '../../../server/open-app-store.ts';
import type { AppStore } from '../../../server/store/app-collections.ts';
import { fixturesDir } from '../../helpers/test-config.ts';
import { enrollmentRow, progressRow, userRow } from '../../hr/seed-completions.ts';

let dir: string;
let store: AppStore;
let demo: Course;
const issuer = { name: 'Association Les Tisserands', city: 'Roubaix' };
const now = new Date('2026-11-23T10:00:00Z');

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'passerelle-issue-certificate-'));
  store = await openAppStore(dir);
  demo = (await loadCatalog(path.join(fixturesDir, 'courses/valid'))).catalog.bySlug.get('demo')!;
  await store.transact((tx) => {
    tx.put('users', userRow('zoe', 'Zoé Lefèvre'));
    tx.put('progress', progressRow('zoe', 'demo', 'premier', 600));
    tx.put('progress', progressRow('zoe', 'demo', 'evaluation', 300));
  });
});

afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

/** Zoé started the course on version 1 and has just completed it on `course`. */
const issue = (course: Course) =>
  store.transact((tx) =>
    issueCertificate(tx, {
      enrollment: enrollmentRow('zoe', 'demo', now.toISOString(), { courseVersion: 1, contentHash: 'v1-hash' }),
      course,
      issuer,
      now,
    }),
  );

describe('issuing a certificate', () => {
  it('is for the version completed on: its number and its content hash, not the version started on', async () => {
    const v3 = { ...demo, version: 3, contentHash: 'v3-hash' };
    const certificate = await issue(v3);
    expect(certificate).toMatchObject({ courseVersion: 3, snapshot: { courseVersion: 3, contentHash: 'v3-hash' } });
  });

  it('freezes the name, the time on the course’s modules and the issuer', async () => {
    const certificate = await issue(demo);
    expect(certificate?.snapshot).toMatchObject({ learnerName: 'Zoé Lefèvre', measuredMinutes: 15, issuer });
  });

  it('issues one valid certificate per version completed', async () => {
    expect(await issue(demo)).toBeDefined();
    expect(await issue(demo)).toBeUndefined();
    expect(await issue({ ...demo, version: demo.version + 1 })).toBeDefined();
    expect(await store.findBy('certificates', 'userId', 'zoe')).toHaveLength(2);
  });
});
