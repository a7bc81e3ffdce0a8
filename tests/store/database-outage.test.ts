// The database goes away while the app runs (here: only this test's database stops taking connections,
// and every open one is cut, so other suites sharing the server are not disturbed).
import postgres from 'postgres';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { addUser, createTestApp, signIn, type TestApp } from '../helpers/test-app.ts';
import { createTestDatabase, databaseUrl, skipWithoutDatabase, type TestDatabase } from '../helpers/test-database.ts';

describe.skipIf(skipWithoutDatabase)('a PostgreSQL outage', () => {
  let db: TestDatabase | undefined;
  let t: TestApp | undefined;
  const admin = skipWithoutDatabase ? undefined : postgres(databaseUrl as string, { max: 1, onnotice: () => {} });
  afterAll(async () => {
    await t?.close();
    await db?.drop();
    await admin?.end();
  });

  it('answers 503 while the database is away, and recovers by itself when it is back', async () => {
    db = await createTestDatabase();
    const name = new URL(db.url).pathname.slice(1);
    t = await createTestApp({ databaseUrl: db.url });
    const learner = await signIn(t, await addUser(t, 'learner'));
    await learner.get('/me').expect(200);

    await admin!.unsafe(`alter database ${name} allow_connections false`);
    await admin!.unsafe(`select pg_terminate_backend(pid) from pg_stat_activity where datname = '${name}'`);
    const health = await request(t.app).get('/healthz');
    expect(health.status).toBe(503);
    expect(health.body).toEqual({ status: 'unavailable', store: 'postgres' });
    const page = await learner.get('/me');
    expect(page.status).toBe(503);
    expect(page.text).toContain('Service momentanément indisponible');

    await admin!.unsafe(`alter database ${name} allow_connections true`);
    const deadline = Date.now() + 10_000;
    let status = 0;
    while (Date.now() < deadline && status !== 200) {
      status = (await request(t.app).get('/healthz')).status;
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(status).toBe(200);
    await learner.get('/me').expect(200);
  });
});
