import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type BuiltCourse, buildCourse } from '../../catalog/course-builder.ts';
import { addUser, createTestApp, csrfOf, signIn, type TestApp } from '../../helpers/test-app.ts';
import { createTestDatabase, skipWithoutDatabase, type TestDatabase } from '../../helpers/test-database.ts';

const opened: (TestApp | BuiltCourse | TestDatabase)[] = [];
afterEach(async () => {
  for (const o of opened.splice(0).reverse())
    await ('close' in o ? o.close() : 'drop' in o ? o.drop() : o.remove()).catch(() => {});
});

const stores = skipWithoutDatabase ? (['journal'] as const) : (['journal', 'postgres'] as const);
const wrong = { q1: 'trois', q2: 'c1' };
const minute = 60_000;

// The final assessment of the valid course, with an hour to wait between attempts.
async function course(): Promise<BuiltCourse> {
  const built = await buildCourse((f) =>
    f.replace('02-evaluation.md', '  tentatives: 3\n', '  tentatives: 3\n  delai_entre_tentatives: 1 h\n'),
  );
  opened.push(built);
  return built;
}

describe.each(stores)('the delay between attempts on the %s store', (kind) => {
  it('tells a learner who retries too early when they can, from the recorded attempt, on any instance', async () => {
    const built = await course();
    let databaseUrl: string | undefined;
    if (kind === 'postgres') {
      const db = await createTestDatabase();
      opened.push(db);
      databaseUrl = db.url;
    }
    // The journal's folder outlives the first app, so the same data can be opened again.
    const dataDir = kind === 'journal' ? await mkdtemp(path.join(os.tmpdir(), 'passerelle-delay-')) : undefined;
    if (dataDir) opened.push({ remove: () => rm(dataDir, { recursive: true, force: true }) } as BuiltCourse);
    const first = await createTestApp({ coursesDir: built.root, databaseUrl, dataDir });
    opened.push(first);
    const learner = await addUser(first);
    const agentA = await signIn(first, learner);
    const page = await agentA.get('/courses/demo/evaluation').expect(200);
    expect(page.text).toContain('Délai entre deux essais : 1 h.');
    const sent = await agentA
      .post('/courses/demo/evaluation/quiz')
      .type('form')
      .send({ _csrf: csrfOf(page.text), ...wrong })
      .expect(200);
    const result = await agentA.get(sent.headers['content-location']!).expect(200);
    // 09:00 UTC is 10:00 in Paris: the next attempt opens at 11:00, Paris time.
    expect(result.text).toContain('Vous pourrez refaire ce quiz à partir du 23 novembre 2026 à 11:00.');
    expect(result.text).not.toContain('Réessayer le quiz');

    // A second instance (PostgreSQL), or the same data reopened after a restart (journal): nothing in memory.
    await first.close();
    opened.splice(opened.indexOf(first), 1);
    const second = await createTestApp({
      coursesDir: built.root,
      databaseUrl,
      dataDir,
      start: new Date(first.now().getTime() + 20 * minute),
    });
    opened.push(second);
    const agentB = await signIn(second, learner);
    const waiting = await agentB.get('/courses/demo/evaluation').expect(200);
    expect(waiting.text).toContain('Vous pourrez refaire ce quiz à partir du 23 novembre 2026 à 11:00.');
    expect(waiting.text).toContain('attendre 1 h entre deux essais');
    expect(waiting.text).not.toContain('action="/courses/demo/evaluation/quiz"');

    // Posting anyway (a form kept open in another tab) is refused with the same sentence, and nothing is recorded.
    const early = await agentB
      .post('/courses/demo/evaluation/quiz')
      .type('form')
      .send({ _csrf: csrfOf(waiting.text), ...wrong })
      .expect(409);
    expect(early.text).toContain('Vous pourrez refaire ce quiz à partir du 23 novembre 2026 à 11:00.');
    expect(early.text).toContain('value="trois"');
    expect(await second.store.findBy('attempts', 'userId', learner.id)).toHaveLength(1);

    second.advance(40 * minute);
    const open = await agentB.get('/courses/demo/evaluation').expect(200);
    expect(open.text).toContain('action="/courses/demo/evaluation/quiz"');
    await agentB
      .post('/courses/demo/evaluation/quiz')
      .type('form')
      .send({ _csrf: csrfOf(open.text), ...wrong })
      .expect(200);
    expect(await second.store.findBy('attempts', 'userId', learner.id)).toHaveLength(2);
  });
});
