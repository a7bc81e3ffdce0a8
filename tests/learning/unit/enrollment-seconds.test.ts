// The measured time of a course is kept on its enrollment (HR reads one number per row): it must always
// equal the sum of the module rows, whether recorded live or computed by the migration of older data.
import { afterEach, describe, expect, it } from 'vitest';
import { enrollmentSecondsFromProgress } from '../../../server/learning/enrollment-seconds-migration.ts';
import { addUser, createTestApp, signIn, type TestApp } from '../../helpers/test-app.ts';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('an enrollment’s measured time', () => {
  it('grows with the time credited to its modules, in the same transaction', async () => {
    t = await createTestApp();
    const learner = await addUser(t, 'learner');
    const agent = await signIn(t, learner);
    for (const [path, pause] of [
      ['/courses/demo/premier', 4 * 60_000],
      ['/courses/demo/evaluation', 2 * 60_000],
      ['/courses/demo/premier', 30_000],
      ['/courses/demo/evaluation', 0],
    ] as const) {
      await agent.get(path).expect(200);
      t.advance(pause);
    }
    const enrollment = await t.store.get('enrollments', `${learner.id}|demo`);
    const modules = await t.store.findBy('progress', 'userId', learner.id);
    const sum = modules.reduce((total, row) => total + row.seconds, 0);
    expect(sum).toBeGreaterThan(0);
    expect(enrollment?.seconds).toBe(sum);
  });

  it('is computed from the module rows by the migration 2 → 3, which leaves other collections as they are', () => {
    const progress = [
      { userId: 'a', course: 'demo', seconds: 120 },
      { userId: 'a', course: 'demo', seconds: 30 },
      { userId: 'a', course: 'rgpd', seconds: 600 },
      { userId: 'b', course: 'demo', seconds: 45 },
    ];
    const users = [{ id: 'a' }];
    const migrated = enrollmentSecondsFromProgress({
      users,
      progress,
      enrollments: [
        { id: 'a|demo', userId: 'a', course: 'demo' },
        { id: 'a|rgpd', userId: 'a', course: 'rgpd' },
        { id: 'c|demo', userId: 'c', course: 'demo' },
      ],
    });
    expect(migrated.enrollments).toEqual([
      { id: 'a|demo', userId: 'a', course: 'demo', seconds: 150 },
      { id: 'a|rgpd', userId: 'a', course: 'rgpd', seconds: 600 },
      { id: 'c|demo', userId: 'c', course: 'demo', seconds: 0 },
    ]);
    // The same arrays: the PostgreSQL store rewrites only the collections a migration changed.
    expect(migrated.progress).toBe(progress);
    expect(migrated.users).toBe(users);
  });
});
