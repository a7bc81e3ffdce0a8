import { describe, expect, it } from 'vitest';
import { moduleProgressId } from '../../../server/learning/progress-ids.ts';
import { visitModule } from '../../../server/learning/visit-module.ts';
import { createTestApp } from '../../helpers/test-app.ts';
import { createFaultyFs } from '../../store/fixtures/faulty-fs.ts';

describe('recording module views', () => {
  it('records the views of learners arriving together in one durable transaction', async () => {
    const t = await createTestApp();
    const course = t.catalog.courses[0]!;
    const module = course.modules[0]!;
    let transactions = 0;
    const store = Object.create(t.store) as typeof t.store;
    store.transact = (fn) => {
      transactions++;
      return t.store.transact(fn);
    };
    const deps = { store, clock: () => t.now() };
    const learners = Array.from({ length: 10 }, (_, i) => `learner-${i}`);
    await Promise.all(learners.map((userId) => visitModule(deps, { userId, course, module })));
    expect(transactions).toBe(1);
    for (const userId of learners) {
      const progress = await t.store.get('progress', moduleProgressId(userId, course.slug, module.slug));
      expect(progress?.readAt).toBe(t.now().toISOString());
    }
    // The same learner twice in a row in one transaction: both applied, in order.
    await Promise.all([
      visitModule(deps, { userId: 'learner-0', course, module: course.modules[1]! }),
      visitModule(deps, { userId: 'learner-0', course, module }),
    ]);
    expect(transactions).toBe(2);
    expect((await t.store.get('enrollments', `learner-0|${course.slug}`))?.lastModule).toBe(module.slug);
    await t.close();
  });

  it('fails every view of a transaction whose write fails, and records none of them', async () => {
    const faulty = createFaultyFs();
    const t = await createTestApp({ fs: faulty.fs });
    const course = t.catalog.courses[0]!;
    const module = course.modules[0]!;
    const deps = { store: t.store, clock: () => t.now() };
    faulty.failNext('write', 'journal', { code: 'ENOSPC' });
    const views = await Promise.allSettled(
      ['a', 'b', 'c'].map((userId) => visitModule(deps, { userId, course, module })),
    );
    expect(views.map((v) => v.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(await t.store.count('progress')).toBe(0);
    await visitModule(deps, { userId: 'a', course, module });
    expect(await t.store.count('progress')).toBe(1);
    await t.close();
  });
});
