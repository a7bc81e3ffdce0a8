// A data directory written by release 1 (tests/fixtures/store/release-1, see its README) must open with
// today's schema and migrations and lose nothing. Every later schema keeps this test green: when a
// migration renames or reshapes a field, the expectations below follow it, they are never dropped.
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schemaVersion } from '../../server/collections.ts';
import type { AppCollections } from '../../server/store/app-collections.ts';
import { createTestApp, signIn, type TestApp } from '../helpers/test-app.ts';
import { fixturesDir } from '../helpers/test-config.ts';
import { collect, readAllFiles } from './fixtures/collections.ts';

const release1 = path.join(fixturesDir, 'store/release-1');
let root: string;
let t: TestApp;
let before: Record<string, string>;

beforeAll(async () => {
  before = await readAllFiles(release1);
  // Opening migrates and writes: always on a copy, never on the committed files.
  root = await mkdtemp(path.join(os.tmpdir(), 'passerelle-upgrade-'));
  await cp(release1, path.join(root, 'data'), { recursive: true });
  t = await createTestApp({ dataDir: path.join(root, 'data'), start: new Date('2026-12-01T09:00:00Z') });
});

afterAll(async () => {
  await t?.close();
  await rm(root, { recursive: true, force: true });
});

const userByEmail = async (email: string) => (await t.store.findBy('users', 'email', email))[0]!;

describe('a data directory written by release 1', () => {
  it('opens with the current schema and keeps every row of every collection', async () => {
    const counts: Partial<Record<keyof AppCollections, number>> = {};
    for (const name of [
      'users',
      'tokens',
      'sessions',
      'progress',
      'enrollments',
      'attempts',
      'certificates',
      'audit',
    ] as const) {
      counts[name] = await t.store.count(name);
    }
    expect(counts).toEqual({
      users: 6,
      tokens: 1,
      sessions: 4,
      progress: 3,
      enrollments: 2,
      attempts: 3,
      certificates: 1,
      audit: 3,
    });
    // Schema 2 moved the CSRF key out of the store: release 1's copy is the only row dropped.
    expect(await t.store.count('settings')).toBe(0);
    expect(schemaVersion).toBeGreaterThanOrEqual(2);
  });

  it('keeps the people, their roles and their password hashes', async () => {
    const zoe = await userByEmail('zoe.lefevre@exemple.org');
    expect(zoe).toMatchObject({
      name: 'Zoé Lefèvre-N’Diaye',
      role: 'learner',
      structure: 'centre-social-nord',
      matricule: 'MAT-778',
      active: true,
    });
    // Schema 3 made structures a tree: the text on the account became the name of a structure under the root.
    expect(await t.store.get('structures', 'centre-social-nord')).toMatchObject({
      name: 'Centre social Nord',
      parentId: 'reseau',
    });
    expect(zoe.passwordHash).toMatch(/^\$argon2id\$/);
    expect((await userByEmail('awa.diallo@exemple.org')).role).toBe('admin');
    expect((await userByEmail('jerome.martin@exemple.org')).role).toBe('hr');
    const invited = await userByEmail('matheo.bernard@exemple.org');
    expect(invited.passwordHash).toBeNull();
    expect((await t.store.findBy('tokens', 'userId', invited.id)).map((token) => token.kind)).toEqual(['invitation']);
  });

  it('keeps the progress, attempts, enrollment and certificate of a learner who completed the course', async () => {
    const zoe = await userByEmail('zoe.lefevre@exemple.org');
    const progress = await t.store.findBy('progress', 'userId', zoe.id);
    expect(progress.map((row) => [row.module, row.seconds]).sort()).toEqual([
      ['evaluation', 0],
      ['premier', 360],
    ]);
    const attempts = await t.store.findBy('attempts', 'userId', zoe.id);
    expect(attempts.map((row) => [row.module, row.score, row.passed]).sort()).toEqual([
      ['evaluation', 100, true],
      ['premier', 100, true],
    ]);
    expect(await t.store.get('enrollments', `${zoe.id}|demo`)).toMatchObject({
      completedAt: '2026-11-23T09:06:00.000Z',
      finalScore: 100,
    });
    const [certificate] = await t.store.findBy('certificates', 'userId', zoe.id);
    expect(certificate).toMatchObject({
      status: 'valid',
      shortCode: 'PAS-MFFC-WT1N',
      snapshot: { learnerName: 'Zoé Lefèvre-N’Diaye', score: 100, issuedAt: '2026-11-23T09:06:00.000Z' },
    });

    const noel = await userByEmail('noel.ngo@exemple.org');
    expect((await t.store.findBy('attempts', 'userId', noel.id)).map((row) => row.passed)).toEqual([false]);
  });

  it('keeps the audit trail', async () => {
    const actions = (await collect(t.store.all('audit'))).map((entry) => entry.action).sort();
    expect(actions).toEqual(['certificate.issued', 'report.completions_exported', 'user.invited']);
  });

  it('lets a learner of release 1 sign in with her password and find her certificate', async () => {
    const zoe = await userByEmail('zoe.lefevre@exemple.org');
    const [certificate] = await t.store.findBy('certificates', 'userId', zoe.id);
    const agent = await signIn(t, zoe);
    const me = await agent.get('/me').expect(200);
    expect(me.text).toContain(`/certificates/${certificate!.id}`);
  });

  it('leaves the committed fixture untouched', async () => {
    expect(await readAllFiles(release1)).toEqual(before);
  });
});
