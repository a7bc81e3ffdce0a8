// Two instances on one PostgreSQL database, each with its own connection pool and mail worker, as two
// processes behind a load balancer: every message is still sent exactly once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inviteUser } from '../../server/accounts/use-cases/invite-user.ts';
import { mailPasswordLinks } from '../../server/mail/mail-notices.ts';
import { claimDailyRun, DailyScheduler, releaseDailyRun } from '../../server/reminders/daily-scheduler.ts';
import { unsubscribeKey } from '../../server/reminders/unsubscribe-token.ts';
import { silentLog } from '../../server/shared/log.ts';
import { type SmtpTestServer, startSmtpServer } from '../helpers/smtp-test-server.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';
import { testConfig } from '../helpers/test-config.ts';
import { createTestDatabase, skipWithoutDatabase, type TestDatabase } from '../helpers/test-database.ts';
import { mailConfig, mailWorker } from './mail-test-app.ts';

describe.skipIf(skipWithoutDatabase)('the outbox on PostgreSQL with two instances', () => {
  let db: TestDatabase;
  let smtp: SmtpTestServer;
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    db = await createTestDatabase();
    smtp = await startSmtpServer();
    const config = { mail: mailConfig(smtp.url) };
    [a, b] = await Promise.all([
      createTestApp({ databaseUrl: db.url, config }),
      createTestApp({ databaseUrl: db.url, config }),
    ]);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await smtp?.close();
    await db?.drop();
  });

  it('sends each of 40 invitations once while both workers run at the same time', async () => {
    const mail = mailConfig(smtp.url);
    const onPasswordLink = mailPasswordLinks(testConfig({ mail }));
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        inviteUser(
          { name: `P ${i}`, email: `p${i}@exemple.org`, structure: 'reseau', matricule: null, role: 'learner' },
          null,
          { store: i % 2 ? a.store : b.store, clock: () => a.now(), onPasswordLink },
        ),
      ),
    );
    const workers = [mailWorker(a.store, () => a.now(), mail), mailWorker(b.store, () => b.now(), mail)];
    const drain = async (w: (typeof workers)[number]) => {
      let idle = 0;
      while (idle < 2) idle = (await w.worker.runOnce()) === 0 ? idle + 1 : 0;
    };
    await Promise.all(workers.map(drain));
    for (const w of workers) w.close();
    await smtp.waitFor(40);
    await new Promise((r) => setTimeout(r, 200));
    const recipients = smtp.received.flatMap((m) => m.envelopeTo);
    expect(recipients).toHaveLength(40);
    expect(new Set(recipients).size).toBe(40);
    expect(await a.store.findBy('emails', 'status', 'sent')).toHaveLength(40);
  });

  it('runs the daily job on one instance only when both look at the same moment', async () => {
    const config = testConfig({ mail: mailConfig(smtp.url) });
    const schedulerOn = (t: TestApp) =>
      new DailyScheduler({
        store: t.store,
        clock: () => new Date('2026-12-03T08:00:00Z'),
        config,
        unsubscribeKey: unsubscribeKey('k'),
        log: silentLog,
      });
    const owners = await Promise.all(
      [a, b].map((t, i) => claimDailyRun(t.store, `instance-${i}`, new Date('2026-12-03T08:00:00Z'), 60_000)),
    );
    expect(owners.filter(Boolean)).toHaveLength(1);
    const winner = owners.indexOf(true);
    await releaseDailyRun([a, b][winner]!.store, `instance-${winner}`, new Date('2026-12-03T08:01:00Z'), true);
    await Promise.all([schedulerOn(a).tick(), schedulerOn(b).tick()]);
    expect(await a.store.get('jobRuns', 'daily')).toMatchObject({ lastRunDate: '2026-12-03', leaseOwner: null });
  });
});
