import { afterEach } from 'vitest';
import { createTestApp, type TestApp } from './test-app.ts';
import { createTestDatabase, skipWithoutDatabase, type TestDatabase } from './test-database.ts';

/** The stores a suite runs on: the embedded one, and PostgreSQL where DATABASE_URL is set (CI). */
export const eachStore = skipWithoutDatabase ? (['journal'] as const) : (['journal', 'postgres'] as const);

/** Opens a fresh app on the given store; every app and database opened is closed and dropped after each test. */
export function openedOnStore(): (kind: (typeof eachStore)[number]) => Promise<TestApp> {
  const opened: TestApp[] = [];
  const databases: TestDatabase[] = [];
  afterEach(async () => {
    for (const t of opened.splice(0)) await t.close().catch(() => {});
    for (const db of databases.splice(0)) await db.drop();
  });
  return async (kind) => {
    let databaseUrl: string | undefined;
    if (kind === 'postgres') {
      const db = await createTestDatabase();
      databases.push(db);
      databaseUrl = db.url;
    }
    const t = await createTestApp({ databaseUrl });
    opened.push(t);
    return t;
  };
}
