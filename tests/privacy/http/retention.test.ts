import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyRetention, type RetentionDeps } from '../../../server/privacy/retention/apply-retention.ts';
import type { RetentionItem } from '../../../server/privacy/retention/plan-retention.ts';
import { runDailyJob } from '../../../server/reminders/use-cases/run-daily-job.ts';
import { retentionDeps } from '../../../server/retention-deps.ts';
import { completeCourse } from '../../certificates/http/complete-course.ts';
import { addUser, createTestApp, csrfOf, signIn, type TestApp } from '../../helpers/test-app.ts';
import { testConfig } from '../../helpers/test-config.ts';
import { filesHolding } from '../data-traces.ts';
import { queuedMail } from '../seed-person.ts';

const day = 86_400_000;
let t: TestApp;
let deps: RetentionDeps;
let admin: Awaited<ReturnType<typeof signIn>>;
let adminUser: Awaited<ReturnType<typeof addUser>>;

async function deactivate(userId: string) {
  const page = await admin.get(`/admin/users/${userId}/deactivate`).expect(200);
  await admin
    .post(`/admin/users/${userId}/deactivate`)
    .type('form')
    .send({ _csrf: csrfOf(page.text) })
    .expect(303);
}

/** The e-mails queued so far, as the mail worker leaves them once delivered. */
async function markEmailsSent() {
  const queued = await t.store.findBy('emails', 'status', 'queued');
  await t.store.transact((tx) => {
    for (const email of queued)
      tx.put('emails', {
        ...email,
        status: 'sent',
        text: '',
        html: '',
        sentAt: t.now().toISOString(),
        updatedAt: t.now().toISOString(),
      });
  });
}

const sorted = (items: RetentionItem[]) =>
  [...items].sort((a, b) => `${a.kind}${a.id}`.localeCompare(`${b.kind}${b.id}`));

beforeAll(async () => {
  t = await createTestApp({ config: queuedMail, start: new Date('2020-01-06T09:00:00Z') });
  deps = retentionDeps(t.store, testConfig({ dataDir: t.dataDir, ...queuedMail }), () => t.now());
  adminUser = await addUser(t, 'admin');
  admin = await signIn(t, adminUser);
}, 30_000);
afterAll(() => t.close());

describe('retention periods (12 months for accounts and audit, 36 for answers, 90 days for e-mails, 6 years for kept names)', () => {
  let oldLearner: Awaited<ReturnType<typeof addUser>>;
  let leaver: Awaited<ReturnType<typeof addUser>>;
  let recentLeaver: Awaited<ReturnType<typeof addUser>>;
  let erased: Awaited<ReturnType<typeof addUser>>;
  let queuedLongAgo: string;

  it('the dry run lists exactly what the real run removes, and the real run removes it', async () => {
    // 2020: a learner completes the course (answers, certificate e-mail), another leaves, a third is erased
    // with her certificate kept for the legal period.
    oldLearner = await addUser(t, 'learner', { name: 'Odile Ancienne' });
    await completeCourse(t, await signIn(t, oldLearner));
    erased = await addUser(t, 'learner', { name: 'Eva Partie' });
    const erasedCertificate = await completeCourse(t, await signIn(t, erased));
    await markEmailsSent();
    const erasePage = await admin.get(`/admin/users/${erased.id}/erase`);
    await admin
      .post(`/admin/users/${erased.id}/erase`)
      .type('form')
      .send({ _csrf: csrfOf(erasePage.text), reason: 'Départ', keepCertificates: 'yes', confirm: 'yes' })
      .expect(303);
    leaver = await addUser(t, 'learner', { name: 'Léa Sortie', matricule: 'RET-LEA-77' });
    await deactivate(leaver.id);
    // An invitation still waiting to go out in 2020 is not history: it stays.
    const invite = await admin.get('/admin/users/new');
    await admin
      .post('/admin/users')
      .type('form')
      .send({
        _csrf: csrfOf(invite.text),
        name: 'Ines Attente',
        email: 'ines@exemple.org',
        structure: 'reseau',
        role: 'learner',
      })
      .expect(200);
    queuedLongAgo = (await t.store.findBy('emails', 'status', 'queued'))[0]!.id;

    // 2026-05: recent activity that must stay.
    t.advance(Date.parse('2026-05-20T09:00:00Z') - t.now().getTime());
    admin = await signIn(t, adminUser);
    const recent = await addUser(t, 'learner', { name: 'Rémi Récent' });
    await completeCourse(t, await signIn(t, recent));
    recentLeaver = await addUser(t, 'learner', { name: 'Rose Récente' });
    await deactivate(recentLeaver.id);
    t.advance(10 * day);

    const before = {
      attempts: (await t.store.count('attempts')) as number,
      audit: await t.store.count('audit'),
    };
    const dry = await applyRetention(deps, { dryRun: true });
    expect(await t.store.count('attempts')).toBe(before.attempts);
    expect(await t.store.count('audit')).toBe(before.audit);
    const kinds = (items: RetentionItem[]) => [...new Set(items.map((i) => i.kind))].sort();
    expect(kinds(dry.items)).toEqual(['account', 'answers', 'audit', 'certificateName', 'email']);
    expect(dry.items.filter((i) => i.kind === 'account').map((i) => i.id)).toEqual([leaver.id]);
    expect(dry.items.filter((i) => i.kind === 'certificateName').map((i) => i.id)).toEqual([erasedCertificate]);
    expect(dry.items.some((i) => i.id === queuedLongAgo)).toBe(false);

    const real = await applyRetention(deps, { dryRun: false });
    expect(sorted(real.items)).toEqual(sorted(dry.items));
    for (const item of real.items) {
      if (item.kind === 'answers') expect(await t.store.get('attempts', item.id)).toBeUndefined();
      if (item.kind === 'audit') expect(await t.store.get('audit', item.id)).toBeUndefined();
      if (item.kind === 'email') expect(await t.store.get('emails', item.id)).toBeUndefined();
      if (item.kind === 'certificateName')
        expect((await t.store.get('certificates', item.id))!.snapshot.learnerName).toBe('données effacées');
      if (item.kind === 'account') expect((await t.store.get('users', item.id))!.name).toBe('Personne effacée');
    }
    // What is not due stays.
    expect(await t.store.findBy('attempts', 'userId', recent.id)).toHaveLength(2);
    expect(await t.store.get('emails', queuedLongAgo)).toBeDefined();
    expect((await t.store.get('users', recentLeaver.id))!.name).toBe('Rose Récente');
    expect((await t.store.get('users', oldLearner.id))!.name).toBe('Odile Ancienne');
    expect(await filesHolding(t.dataDir, ['Léa Sortie', 'RET-LEA-77', 'Eva Partie'])).toEqual([]);
    // Recorded once, with the counts; a second look finds nothing more to do.
    const applied = (await t.store.findBy('audit', 'actorId', null)).filter(
      (e) => e.action === 'privacy.retention_applied',
    );
    expect(applied).toHaveLength(1);
    expect(applied[0]!.details).toMatchObject({ account: 1, certificateName: 1 });
    expect((await applyRetention(deps, { dryRun: true })).items).toEqual([]);
  }, 60_000);

  it('is applied by the daily job, with or without e-mail configured', async () => {
    t.advance(400 * day);
    const due = (await applyRetention(deps, { dryRun: true })).items.length;
    expect(due).toBeGreaterThan(0);
    const result = await runDailyJob({
      store: t.store,
      clock: () => t.now(),
      config: testConfig({ dataDir: t.dataDir }),
      unsubscribeKey: Buffer.alloc(32),
      retention: async () => (await applyRetention(deps, { dryRun: false })).items.length,
    });
    expect(result).toEqual({ reminders: 0, digests: 0, commitments: 0, removed: due });
    expect((await t.store.get('users', recentLeaver.id))!.name).toBe('Personne effacée');
  });
});
