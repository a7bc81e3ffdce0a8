// The HR queries filter and count « late » in PostgreSQL with `lateSql`; it must say exactly what
// `assignmentState` says, on every kind of case.
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignmentState, lateSql } from '../../../server/assignments/assignment-status.ts';
import { createTestDatabase, skipWithoutDatabase, type TestDatabase } from '../../helpers/test-database.ts';

const completions = [null, '2026-11-24T10:00:00.000Z', '2026-11-25T22:30:00.000Z'];
const dueDates = [null, '2026-11-25'];
const days = ['2026-11-24', '2026-11-25', '2026-11-26', '2027-01-01'];
const cases = completions.flatMap((completedAt) =>
  dueDates.flatMap((dueDate) => days.map((today) => ({ completedAt, dueDate, today }))),
);

describe.skipIf(skipWithoutDatabase)('lateSql', () => {
  let db: TestDatabase;
  let sql: postgres.Sql;
  beforeAll(async () => {
    db = await createTestDatabase();
    sql = postgres(db.url, { max: 1, onnotice: () => {} });
  });
  afterAll(async () => {
    await sql?.end();
    await db?.drop();
  });

  it.each(cases.map((c) => [JSON.stringify(c), c] as const))('agrees with assignmentState for %s', async (_, c) => {
    const [row] = await sql<{ late: boolean }[]>`
      select ${sql.unsafe(lateSql('completed_at', 'due_date', 'today'))} as late
      from (select ${c.completedAt}::timestamptz as completed_at, ${c.dueDate}::text as due_date,
        ${c.today}::text as today) as v`;
    const expected = assignmentState(c.completedAt ? { completedAt: c.completedAt } : undefined, c.dueDate, c.today);
    expect(row!.late).toBe(expected === 'late');
  });

  it('has late cases among them', () => {
    const late = cases.filter((c) => assignmentState(undefined, c.dueDate, c.today) === 'late' && !c.completedAt);
    expect(late).toHaveLength(2);
  });
});
