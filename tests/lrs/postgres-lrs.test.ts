// Two instances on one PostgreSQL database, each with its own connection pool and LRS worker, as two
// processes behind a load balancer: statements are queued in the learners' transactions on either
// instance, and every statement id is POSTed once, by one of the two workers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LrsTestServer, startLrsServer } from '../helpers/lrs-test-server.ts';
import { addUser, createTestApp, signIn, type TestApp } from '../helpers/test-app.ts';
import { createTestDatabase, skipWithoutDatabase, type TestDatabase } from '../helpers/test-database.ts';
import { statementErrors } from '../xapi/xapi-schema.ts';
import { baseUrl, completeCourse, drain, failFirstQuiz, lrsConfigFor, lrsWorker, rowsOf } from './lrs-test-app.ts';

describe.skipIf(skipWithoutDatabase)('the LRS outbox on PostgreSQL with two instances', () => {
  let db: TestDatabase;
  let lrs: LrsTestServer;
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    db = await createTestDatabase();
    lrs = await startLrsServer();
    const config = { baseUrl, lrs: lrsConfigFor(lrs) };
    [a, b] = await Promise.all([
      createTestApp({ databaseUrl: db.url, config }),
      createTestApp({ databaseUrl: db.url, config }),
    ]);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await lrs?.close();
    await db?.drop();
  });

  it('sends each statement once while both workers run at the same time', async () => {
    const learners = await Promise.all([0, 1, 2, 3].map((i) => addUser(i % 2 ? a : b, 'learner')));
    await Promise.all(
      learners.map(async (learner, i) => {
        const t = i % 2 ? b : a;
        const agent = await signIn(t, learner);
        await failFirstQuiz(agent);
        if (i < 2) await completeCourse(t, agent);
      }),
    );
    const rows = await rowsOf(a);
    expect(rows.length).toBeGreaterThan(40);
    // Small batches, so the two workers compete for many claims.
    const workers = [lrsWorker(a, lrsConfigFor(lrs), 5), lrsWorker(b, lrsConfigFor(lrs), 5)];
    await Promise.all(workers.map(drain));

    const requested = lrs.requests.flatMap((r) => r.ids);
    expect(lrs.requests.every((r) => r.status === 200)).toBe(true);
    expect(requested).toHaveLength(rows.length);
    expect(new Set(requested)).toEqual(new Set(rows.map((r) => r.id)));
    expect(lrs.stored.size).toBe(rows.length);
    for (const statement of lrs.stored.values()) expect(statementErrors(statement)).toEqual([]);
    expect(await a.store.findBy('lrsStatements', 'status', 'sent')).toHaveLength(rows.length);
  });
});
