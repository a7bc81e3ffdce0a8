// The forwarder against a real HTTP learning record store started by the test (tests/helpers/
// lrs-test-server.ts): every statement of a learner's path reaches it once, with the export's ids; the
// app keeps answering while it is down; a lost answer or a 409 never makes a duplicate nor a failure.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type LrsTestServer, startLrsServer } from '../../helpers/lrs-test-server.ts';
import { addUser, createTestApp, signIn, type TestApp } from '../../helpers/test-app.ts';
import { createTestDatabase, skipWithoutDatabase, type TestDatabase } from '../../helpers/test-database.ts';
import { statementErrors } from '../../xapi/xapi-schema.ts';
import {
  baseUrl,
  completeCourse,
  drain,
  exported,
  failFirstQuiz,
  lrsConfigFor,
  lrsWorker,
  rowsOf,
} from '../lrs-test-app.ts';

// Every behaviour on both stores: the journal, and PostgreSQL (a fresh database per test) when available.
const stores = skipWithoutDatabase ? (['journal'] as const) : (['journal', 'PostgreSQL'] as const);

describe.each(stores)('on the %s store', (kind) => {
  let lrs: LrsTestServer;
  let t: TestApp;
  let db: TestDatabase | undefined;
  const openApp = async (config: Parameters<typeof createTestApp>[0] = {}) => {
    db = kind === 'PostgreSQL' ? await createTestDatabase() : undefined;
    return createTestApp({ ...config, databaseUrl: db?.url });
  };
  beforeEach(async () => {
    lrs = await startLrsServer();
    t = await openApp({ config: { baseUrl, lrs: lrsConfigFor(lrs) } });
  });
  afterEach(async () => {
    await t.close();
    await lrs.close();
    await db?.drop();
  });

  const timesRequested = (id: string) => lrs.requests.filter((r) => r.ids.includes(id)).length;

  describe('forwarding to a learning record store', () => {
    it('delivers every statement of the path once, with the ids and content HR exports, each valid xAPI', async () => {
      const learner = await signIn(t, await addUser(t, 'learner', { email: 'awa@exemple.org' }));
      await failFirstQuiz(learner);
      await completeCourse(t, learner);
      const worker = lrsWorker(t, lrsConfigFor(lrs));
      await drain(worker);

      const hr = await signIn(t, await addUser(t, 'hr'));
      const all = await exported(hr);
      expect(all.length).toBeGreaterThan(15);
      expect(new Set(lrs.stored.keys())).toEqual(new Set(all.map((s) => s.id)));
      for (const statement of all) {
        expect(timesRequested(statement.id)).toBe(1);
        const forwarded = lrs.stored.get(statement.id)!;
        expect(statementErrors(forwarded), JSON.stringify(forwarded)).toEqual([]);
        // A module read is forwarded when it happens: the time spent on it is what the export adds later.
        if (String((statement.verb as { id: string }).id).endsWith('/experienced'))
          expect({ ...forwarded, result: undefined }).toEqual({ ...statement, result: undefined });
        else expect(forwarded).toEqual(statement);
      }
      for (const request of lrs.requests) {
        expect(request.status).toBe(200);
        expect(request.headers['x-experience-api-version']).toBe('1.0.3');
        expect(request.headers['content-type']).toBe('application/json');
      }
      expect(JSON.stringify([...lrs.stored.values()])).not.toContain('awa@exemple.org');
      const rows = await rowsOf(t);
      expect(rows.every((row) => row.status === 'sent' && row.attempts === 1 && !row.alreadyStored)).toBe(true);
      // Delivered: the row keeps what the admin page shows, not the statement (it is in the LRS).
      expect(rows.map((row) => row.statement)).toEqual(rows.map(() => ({})));
      expect(new Set(rows.map((row) => row.verb))).toEqual(
        new Set(['experienced', 'attempted', 'answered', 'failed', 'passed', 'completed']),
      );
    });

    it('keeps statements queued while the LRS is down, the app answering normally, and delivers them once when it is back', async () => {
      await lrs.down();
      const learner = await signIn(t, await addUser(t, 'learner'));
      await failFirstQuiz(learner);
      const worker = lrsWorker(t, lrsConfigFor(lrs));
      expect(await worker.runOnce()).toBe(7);
      const waiting = await rowsOf(t);
      expect(waiting).toHaveLength(7);
      for (const row of waiting) {
        expect(row).toMatchObject({ status: 'queued', attempts: 1, lastError: 'ECONNREFUSED' });
        expect(Date.parse(row.notBefore)).toBe(t.now().getTime() + 60_000);
      }
      // In back-off: nothing is claimed before its time.
      expect(await worker.runOnce()).toBe(0);
      await learner.get('/courses/demo/premier').expect(200);

      await lrs.up();
      t.advance(60_000);
      await drain(worker);
      expect(lrs.stored.size).toBe(7);
      for (const id of lrs.stored.keys()) expect(timesRequested(id)).toBe(1);
      expect((await rowsOf(t)).map((r) => r.status)).toEqual(Array(7).fill('sent'));
      t.advance(3_600_000);
      expect(await worker.runOnce()).toBe(0);
    });

    it('retries after a 500 with a doubling wait', async () => {
      lrs.mode = 'error500';
      await failFirstQuiz(await signIn(t, await addUser(t, 'learner')));
      const worker = lrsWorker(t, lrsConfigFor(lrs));
      await worker.runOnce();
      t.advance(60_000);
      await worker.runOnce();
      const [row] = await rowsOf(t);
      expect(row).toMatchObject({ status: 'queued', attempts: 2, lastError: 'HTTP 500 : {"error":"internal error"}' });
      expect(Date.parse(row!.notBefore)).toBe(t.now().getTime() + 120_000);
      lrs.mode = 'ok';
      t.advance(120_000);
      await drain(worker);
      expect(lrs.stored.size).toBe(7);
    });

    it('counts a retry after a lost answer as delivered: identical copy accepted, or 409, never stored twice', async () => {
      const learner = await signIn(t, await addUser(t, 'learner'));
      await learner.get('/courses/demo/premier').expect(200);
      const worker = lrsWorker(t, lrsConfigFor(lrs));
      // The LRS stores the module read, and the answer never comes back.
      lrs.mode = 'loseResponse';
      await worker.runOnce();
      expect(lrs.stored.size).toBe(1);
      const [lost] = await rowsOf(t);
      expect(lost).toMatchObject({ status: 'queued', attempts: 1 });

      // Meanwhile the quiz: six more statements. This LRS answers 409 to any id it has, so the batch of
      // seven is refused whole; each is then sent alone: six stored, the known one marked as already there.
      await failFirstQuiz(learner);
      lrs.mode = 'ok';
      lrs.conflictOnKnownId = true;
      t.advance(60_000);
      await drain(worker);
      expect(lrs.stored.size).toBe(7);
      expect(lrs.requests.map((r) => [r.ids.length, r.status])).toEqual([
        [1, 'dropped'],
        [7, 409],
        ...Array(7).fill([1, expect.any(Number)]),
      ]);
      const rows = await rowsOf(t);
      expect(rows.every((r) => r.status === 'sent')).toBe(true);
      expect(rows.filter((r) => r.alreadyStored).map((r) => r.id)).toEqual([lost!.id]);

      // An LRS that accepts an identical copy as a no-op (the spec's other answer): also delivered.
      lrs.conflictOnKnownId = false;
      const more = await signIn(t, await addUser(t, 'learner'));
      lrs.mode = 'loseResponse';
      await more.get('/courses/demo/premier').expect(200);
      await worker.runOnce();
      lrs.mode = 'ok';
      t.advance(60_000);
      await drain(worker);
      expect(lrs.stored.size).toBe(8);
      expect(lrs.requests.at(-1)!.status).toBe(200);
      expect((await rowsOf(t)).every((r) => r.status === 'sent')).toBe(true);
    });
  });

  describe('/admin/lrs', () => {
    it('shows a refused statement as failed with the LRS’s reason; « Renvoyer » puts it back, for admins only', async () => {
      lrs.mode = 'refuse400';
      await failFirstQuiz(await signIn(t, await addUser(t, 'learner')));
      await lrsWorker(t, lrsConfigFor(lrs)).runOnce();
      const rows = await rowsOf(t);
      expect(rows.every((r) => r.status === 'failed' && r.attempts === 1)).toBe(true);

      const admin = await signIn(t, await addUser(t, 'admin'));
      const page = await admin.get('/admin/lrs?status=failed').expect(200);
      expect(page.text).toContain(`Les déclarations xAPI sont envoyées à ${lrs.endpoint}.`);
      expect(page.text).toContain('En échec (7)');
      expect(page.text).toContain('HTTP 400 : {&#34;error&#34;:&#34;statement refused by this LRS&#34;}');
      for (const role of ['learner', 'trainer', 'hr'] as const) {
        const other = await signIn(t, await addUser(t, role));
        await other.get('/admin/lrs').expect(403);
        await other.post('/admin/lrs/resend').type('form').send({}).expect(403);
      }
      expect((await admin.get('/admin/users').expect(200)).text).toContain('<a href="/admin/lrs">Entrepôt xAPI</a>');

      const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)![1];
      const one = await admin.post(`/admin/lrs/${rows[0]!.id}/resend`).type('form').send({ _csrf: csrf }).expect(303);
      expect(one.headers.location).toBe('/admin/lrs?status=queued&resent=1');
      await admin.post(`/admin/lrs/${rows[0]!.id}/resend`).type('form').send({ _csrf: csrf }).expect(409);
      await admin.post('/admin/lrs/no-such-id/resend').type('form').send({ _csrf: csrf }).expect(404);
      const all = await admin.post('/admin/lrs/resend').type('form').send({ _csrf: csrf }).expect(303);
      expect(all.headers.location).toBe('/admin/lrs?status=queued&resent=6');
      expect((await admin.get(all.headers.location!).expect(200)).text).toContain(
        '6 déclaration(s) de nouveau en attente d’envoi.',
      );
      const audit = [];
      for await (const entry of t.store.all('audit')) if (entry.action === 'lrs.statements_resent') audit.push(entry);
      // One entry per « Renvoyer », naming the statement when there is one (rows come in no order on PostgreSQL).
      expect(audit.map((e) => [e.target, e.details]).sort((x, y) => String(x[0]).localeCompare(String(y[0])))).toEqual([
        [rows[0]!.id, { count: 1 }],
        [null, { count: 6 }],
      ]);

      lrs.mode = 'ok';
      await drain(lrsWorker(t, lrsConfigFor(lrs)));
      expect(lrs.stored.size).toBe(7);
      expect((await admin.get('/admin/lrs?status=sent').expect(200)).text).toContain('Envoyées (7)');
    });

    it('fails at once on refused credentials (401), with the reason', async () => {
      await failFirstQuiz(await signIn(t, await addUser(t, 'learner')));
      await lrsWorker(t, lrsConfigFor(lrs, { secret: 'faux' })).runOnce();
      const rows = await rowsOf(t);
      expect(rows.map((r) => [r.status, r.lastError])).toEqual(
        Array(7).fill(['failed', 'HTTP 401 : {"error":"bad credentials"}']),
      );
      expect(lrs.stored.size).toBe(0);
    });
  });

  describe('without LRS settings', () => {
    it('queues nothing, and the admin page says the forwarding is not configured', async () => {
      await t.close();
      await db?.drop();
      // This test's app has no LRS settings: the one opened for the others is set aside (afterEach closes this one).
      t = await openApp({ config: { baseUrl } });
      await completeCourse(t, await signIn(t, await addUser(t, 'learner')));
      expect(await t.store.count('lrsStatements')).toBe(0);
      const admin = await signIn(t, await addUser(t, 'admin'));
      const page = await admin.get('/admin/lrs').expect(200);
      expect(page.text).toContain('L’envoi vers un entrepôt de traces d’apprentissage n’est pas configuré');
      expect(page.text).toContain('Aucune déclaration dans cette liste.');
    });
  });
});
