// npm run db:import / db:export move an installation between the embedded store and PostgreSQL,
// losing nothing, and never merge into a store that already holds data.
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../server/accounts/users.ts';
import { fileKeyStore, sharedKeyStore } from '../../server/badges/credential-keys.ts';
import { collections, migrations, schemaVersion } from '../../server/collections.ts';
import { openAppStore } from '../../server/open-app-store.ts';
import { openPostgresStore } from '../../server/store/postgres/open-postgres-store.ts';
import { fixturesDir } from '../helpers/test-config.ts';
import { createTestDatabase, skipWithoutDatabase, type TestDatabase } from '../helpers/test-database.ts';

function dbCli(
  args: string[],
  databaseUrl: string,
  coursesDir = 'courses',
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    // Not process.env: vitest adds Vite's variables to it (BASE_URL='/' among them).
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli/db-cli.ts', ...args], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: databaseUrl, COURSES_DIR: coursesDir },
    });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe.skipIf(skipWithoutDatabase)('moving an installation between the embedded store and PostgreSQL', () => {
  let db: TestDatabase;
  let root: string;
  beforeAll(async () => {
    db = await createTestDatabase();
    root = await mkdtemp(path.join(os.tmpdir(), 'passerelle-move-'));
  });
  afterAll(async () => {
    await db?.drop();
    await rm(root, { recursive: true, force: true });
  });

  it('imports every row into an empty database, refuses a second import, and exports them back', async () => {
    const source = path.join(root, 'source');
    const store = await openAppStore(source);
    const now = new Date('2026-11-30T09:00:00Z');
    for (let i = 0; i < 1_500; i++)
      await createUser(
        store,
        { name: `Personne ${i}`, email: `p${i}@exemple.org`, structure: 'Accueil', matricule: null, role: 'learner' },
        now,
      );
    await store.transact((tx) => {
      tx.put('audit', {
        id: 'a1',
        at: now.toISOString(),
        actorId: null,
        action: 'test.seeded',
        target: null,
        details: { n: 1 },
      });
    });
    await store.close();
    const keys = await fileKeyStore(source).read();

    const imported = await dbCli(['import', source], db.url);
    expect(imported.output).toContain('1501 ligne(s) copiée(s)');
    expect(imported.code).toBe(0);
    const database = await openPostgresStore({ url: db.url, collections, schemaVersion, migrations });
    expect(await database.count('users')).toBe(1_500);
    expect((await database.findBy('users', 'email', 'p1499@exemple.org'))[0]?.name).toBe('Personne 1499');
    expect(await database.get('audit', 'a1')).toMatchObject({ action: 'test.seeded', details: { n: 1 } });
    // The keys that signed the Open Badges credentials came along: those credentials still verify.
    expect(await sharedKeyStore(database).peek()).toEqual(keys);
    await database.close();

    const again = await dbCli(['import', source], db.url);
    expect(again.code).toBe(1);
    expect(again.output).toContain('La destination contient déjà des données');

    const exported = path.join(root, 'exported');
    expect((await dbCli(['export', exported], db.url)).code).toBe(0);
    const back = await openAppStore(exported);
    expect(await back.count('users')).toBe(1_500);
    expect(await back.get('audit', 'a1')).toMatchObject({ action: 'test.seeded' });
    await back.close();
    expect(await fileKeyStore(exported).peek()).toEqual(keys);
    expect((await dbCli(['export', exported], db.url)).output).toContain('n’est pas vide');
  });

  it('carries the studio’s drafts, publications and history both ways', async () => {
    const db2 = await createTestDatabase();
    try {
      const source = path.join(root, 'studio-source');
      const sourceCourses = path.join(root, 'studio-courses');
      const demo = path.join(fixturesDir, 'courses/valid/demo');
      await cp(demo, path.join(sourceCourses, 'demo'), { recursive: true });
      await cp(demo, path.join(source, 'drafts/demo'), { recursive: true });
      await cp(demo, path.join(source, 'course-versions/demo/v2/demo'), { recursive: true });
      const draftModule = path.join(source, 'drafts/demo/01-premier.md');
      const { writeFile } = await import('node:fs/promises');
      await writeFile(draftModule, `${await readFile(draftModule, 'utf8')}\nUn ajout du brouillon.\n`);
      const store = await openAppStore(source);
      await store.transact((tx) => {
        tx.put('courseVersions', {
          id: 'demo@2',
          course: 'demo',
          version: 2,
          publishedAt: '2026-11-30T09:00:00.000Z',
          publishedBy: null,
          publishedByName: 'Formatrice',
          contentHash: 'x',
        });
      });
      await store.close();

      const imported = await dbCli(['import', source], db2.url, sourceCourses);
      expect(imported.output).toContain('Formations du studio (brouillons, versions publiées, historique) copiées : 1');
      expect(imported.code).toBe(0);

      const exported = path.join(root, 'studio-exported');
      const exportedCourses = path.join(root, 'studio-exported-courses');
      const back = await dbCli(['export', exported], db2.url, exportedCourses);
      expect(back.code).toBe(0);
      const same = async (relative: string, from: string, to: string) =>
        expect(await readFile(path.join(to, relative), 'utf8')).toBe(await readFile(path.join(from, relative), 'utf8'));
      await same('drafts/demo/01-premier.md', source, exported);
      await same('course-versions/demo/v2/demo/course.md', source, exported);
      await same('demo/01-premier.md', sourceCourses, exportedCourses);
      expect(await readFile(path.join(exported, 'drafts/demo/01-premier.md'), 'utf8')).toContain(
        'Un ajout du brouillon.',
      );
      const images = await readFile(path.join(exported, 'drafts/demo/images/couverture.png'));
      expect(images.equals(await readFile(path.join(demo, 'images/couverture.png')))).toBe(true);
      const rows = await openAppStore(exported);
      expect(await rows.count('courseTrees')).toBe(0);
      await rows.close();
    } finally {
      await db2.drop();
    }
  });
});
