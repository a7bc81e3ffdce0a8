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

describe('views that change nothing', () => {
  it('records no write for a view under half a second after the last one on the same module, and loses no time', async () => {
    const t = await createTestApp();
    const course = t.catalog.courses[0]!;
    const [first, second] = [course.modules[0]!, course.modules[1]!];
    const puts: string[] = [];
    const store = Object.create(t.store) as typeof t.store;
    store.transact = (fn) =>
      t.store.transact((tx) => {
        const counted = new Proxy(tx, {
          get(target, name) {
            const value = Reflect.get(target, name, target) as unknown;
            if (typeof value !== 'function') return value;
            if (name !== 'put') return value.bind(target);
            return (coll: string, row: unknown) => {
              puts.push(coll);
              return value.call(target, coll, row);
            };
          },
        });
        return fn(counted);
      });
    const deps = { store, clock: () => t.now() };
    const view = async (module: typeof first) => {
      puts.length = 0;
      await visitModule(deps, { userId: 'learner-0', course, module });
      return [...puts];
    };
    const seenAt = t.now().toISOString();
    expect(await view(first)).toEqual(['progress', 'enrollments']);
    // Reloads 0.3 and 0.15 s apart: nothing to record, « last seen » stays at the recorded view.
    t.advance(300);
    expect(await view(first)).toEqual([]);
    t.advance(150);
    expect(await view(first)).toEqual([]);
    expect((await t.store.get('enrollments', `learner-0|${course.slug}`))?.lastSeenAt).toBe(seenAt);
    // 0.6 s after the recorded view: recorded, with the whole gap credited (alone, each gap rounds to 0 s).
    t.advance(150);
    expect(await view(first)).toEqual(['progress', 'progress', 'enrollments']);
    const progress = await t.store.get('progress', moduleProgressId('learner-0', course.slug, first.slug));
    expect(progress?.seconds).toBe(1);
    expect(progress?.lastSeenAt).toBe(t.now().toISOString());
    // Another module at once is a change (where to resume): recorded.
    expect(await view(second)).toContain('enrollments');
    expect((await t.store.get('enrollments', `learner-0|${course.slug}`))?.lastModule).toBe(second.slug);
    await t.close();
  });
});
