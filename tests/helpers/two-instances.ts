import { afterAll, beforeAll } from 'vitest';
import { createTestApp, type TestApp } from './test-app.ts';
import { createTestDatabase, type TestDatabase } from './test-database.ts';

/**
 * Two apps on one new PostgreSQL database, as two instances behind a load balancer, for the suite that
 * calls this (inside a `describe.skipIf(skipWithoutDatabase)`): read `a` and `b` in the tests.
 */
export function twoInstances(): { readonly a: TestApp; readonly b: TestApp } {
  let db: TestDatabase | undefined;
  let apps: [TestApp, TestApp] | undefined;
  beforeAll(async () => {
    db = await createTestDatabase();
    apps = await Promise.all([createTestApp({ databaseUrl: db.url }), createTestApp({ databaseUrl: db.url })]);
  });
  afterAll(async () => {
    await Promise.all(apps?.map((app) => app.close()) ?? []);
    await db?.drop();
  });
  const started = () => {
    if (!apps) throw new Error('the two instances start in beforeAll');
    return apps;
  };
  return {
    get a() {
      return started()[0];
    },
    get b() {
      return started()[1];
    },
  };
}
