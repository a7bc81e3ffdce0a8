// Two real server processes on one PostgreSQL database; one is killed with SIGKILL in the middle of a
// burst of quiz submissions. What either acknowledged (200, the result page) must be in the database;
// the other goes on.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../server/accounts/password.ts';
import { createUser } from '../../server/accounts/users.ts';
import { openConfiguredStore } from '../../server/open-app-store.ts';
import { type RunningServer, startServer } from '../helpers/start-server.ts';
import { csrfOf, testPassword } from '../helpers/test-app.ts';
import { createTestDatabase, skipWithoutDatabase, type TestDatabase } from '../helpers/test-database.ts';

const learners = 8;
const rightFirstQuiz = new URLSearchParams([
  ['q1', 'c2'],
  ['q2', 'c1'],
  ['q2', 'c2'],
  ['q3', 'c2'],
  ['q4', 'WhatsApp'],
]);

const cookiesOf = (res: Response) => res.headers.getSetCookie().map((c) => c.split(';')[0] as string);

/** Signs in through the real pages; the cookie works on both instances (sessions are in the database). */
async function signIn(baseUrl: string, email: string): Promise<{ cookie: string; csrf: string }> {
  const page = await fetch(`${baseUrl}/login`);
  const anonymous = cookiesOf(page).join('; ');
  const body = new URLSearchParams({ _csrf: csrfOf(await page.text()), email, password: testPassword, next: '/me' });
  const res = await fetch(`${baseUrl}/login`, {
    method: 'POST',
    body,
    headers: { Cookie: anonymous },
    redirect: 'manual',
  });
  expect(res.status).toBe(303);
  const cookie = cookiesOf(res).join('; ');
  const module = await fetch(`${baseUrl}/courses/demo/premier`, { headers: { Cookie: cookie } });
  return { cookie, csrf: csrfOf(await module.text()) };
}

describe.skipIf(skipWithoutDatabase)('killing one of two instances during a burst of submissions', () => {
  let db: TestDatabase | undefined;
  let root: string | undefined;
  const servers: RunningServer[] = [];
  afterAll(async () => {
    for (const server of servers) await server.stop();
    await db?.drop();
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('keeps every acknowledged submission, and the other instance keeps answering', async () => {
    db = await createTestDatabase();
    root = await mkdtemp(path.join(os.tmpdir(), 'passerelle-kill-'));
    const { store } = await openConfiguredStore({ databaseUrl: db.url, dataDir: root });
    const hash = await hashPassword(testPassword);
    const now = new Date();
    for (let i = 0; i < learners; i++)
      await createUser(
        store,
        { name: `Personne ${i}`, email: `p${i}@exemple.org`, structure: 'Accueil', matricule: null, role: 'learner' },
        now,
        hash,
      );
    const env = { DATABASE_URL: db.url };
    const [a, b] = await Promise.all([startServer({ env }), startServer({ env })]);
    servers.push(a, b);
    const sessions = await Promise.all(
      Array.from({ length: learners }, (_, i) => signIn((i % 2 ? a : b).baseUrl, `p${i}@exemple.org`)),
    );

    const acknowledged: string[] = [];
    let refused = 0;
    let killed = false;
    const submit = async (learner: number, round: number) => {
      const server = (learner + round) % 2 ? a : b;
      const { cookie, csrf } = sessions[learner]!;
      const body = new URLSearchParams(rightFirstQuiz);
      body.set('_csrf', csrf);
      try {
        const res = await fetch(`${server.baseUrl}/courses/demo/premier/quiz`, {
          method: 'POST',
          body,
          headers: { Cookie: cookie },
          redirect: 'manual',
        });
        if (res.status === 200)
          acknowledged.push(/attempts\/([^/?]+)$/.exec(res.headers.get('content-location') ?? '')?.[1] as string);
        else refused += 1;
      } catch {
        refused += 1;
      }
    };
    await Promise.all(
      Array.from({ length: learners }, async (_, learner) => {
        for (let round = 0; round < 12; round++) {
          if (!killed && learner === 0 && round === 4) {
            killed = true;
            void a.kill();
          }
          await submit(learner, round);
        }
      }),
    );

    expect(killed).toBe(true);
    expect(acknowledged.length).toBeGreaterThan(learners * 4);
    for (const id of acknowledged) expect(await store.get('attempts', id), id).toBeDefined();
    expect((await fetch(`${b.baseUrl}/healthz`)).status).toBe(200);
    const after = new URLSearchParams(rightFirstQuiz);
    after.set('_csrf', sessions[0]!.csrf);
    const late = await fetch(`${b.baseUrl}/courses/demo/premier/quiz`, {
      method: 'POST',
      body: after,
      headers: { Cookie: sessions[0]!.cookie },
      redirect: 'manual',
    });
    expect(late.status).toBe(200);
    await store.close();
    console.info(
      `kill -9 during a burst: ${acknowledged.length} submissions acknowledged, all found; ${refused} refused or cut`,
    );
  });
});
