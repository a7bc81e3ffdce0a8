import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { claimDueEmails } from '../../../server/mail/claim-emails.ts';
import { composeEmail } from '../../../server/mail/compose-email.ts';
import { enqueueEmail } from '../../../server/mail/enqueue-email.ts';
import { recordDelivery, retryDelayMs } from '../../../server/mail/record-delivery.ts';
import { openAppStore } from '../../../server/open-app-store.ts';
import type { AppStore } from '../../../server/store/app-collections.ts';

let dir: string;
let store: AppStore;
const t0 = new Date('2026-12-01T08:00:00Z');
const later = (ms: number) => new Date(t0.getTime() + ms);
const mail = { maxAttempts: 3, retrySeconds: 60 };

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'passerelle-outbox-'));
  store = await openAppStore(dir, { log: { warn: () => {}, error: () => {} } });
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

const enqueue = (to: string, now = t0) =>
  store.transact((tx) =>
    enqueueEmail(
      tx,
      { ...composeEmail({ subject: 'Objet', intro: ['Texte'], org: 'Org' }), kind: 'reminder', to, userId: null },
      now,
    ),
  );

describe('claiming with a lease', () => {
  it('gives a message to one worker at a time, and to another only once the lease has run out', async () => {
    const email = await enqueue('a@exemple.org');
    const first = await claimDueEmails(store, { owner: 'w1', now: t0, leaseMs: 30_000, limit: 10 });
    expect(first).toMatchObject([
      { id: email.id, status: 'sending', attempts: 1, leaseOwner: 'w1', leaseUntil: later(30_000).toISOString() },
    ]);
    expect(await claimDueEmails(store, { owner: 'w2', now: later(29_999), leaseMs: 30_000, limit: 10 })).toEqual([]);
    // w1 died while sending: after its lease, w2 takes the message over with one more attempt.
    const second = await claimDueEmails(store, { owner: 'w2', now: later(30_000), leaseMs: 30_000, limit: 10 });
    expect(second).toMatchObject([{ id: email.id, attempts: 2, leaseOwner: 'w2' }]);
    // w1 coming back late cannot overwrite w2's outcome.
    await recordDelivery(store, first[0]!, { ok: true }, { now: later(31_000), mail });
    expect(await store.get('emails', email.id)).toMatchObject({ status: 'sending', leaseOwner: 'w2' });
    await recordDelivery(store, second[0]!, { ok: true }, { now: later(32_000), mail });
    expect(await store.get('emails', email.id)).toMatchObject({ status: 'sent', text: '', html: '', leaseOwner: null });
  });

  it('takes due messages oldest first, at most `limit`, and leaves the ones in back-off', async () => {
    const a = await enqueue('a@exemple.org', t0);
    const b = await enqueue('b@exemple.org', later(1_000));
    const c = await enqueue('c@exemple.org', later(5_000));
    const claimed = await claimDueEmails(store, { owner: 'w', now: later(2_000), leaseMs: 1_000, limit: 1 });
    expect(claimed.map((e) => e.id)).toEqual([a.id]);
    const rest = await claimDueEmails(store, { owner: 'w', now: later(2_000), leaseMs: 1_000, limit: 10 });
    expect(rest.map((e) => e.id)).toEqual([b.id]);
    expect((await store.get('emails', c.id))?.status).toBe('queued');
  });

  it('fails at once on a refused recipient, and after the last attempt otherwise', async () => {
    const refused = await enqueue('nobody@exemple.org');
    const [claim] = await claimDueEmails(store, { owner: 'w', now: t0, leaseMs: 1_000, limit: 1 });
    await recordDelivery(store, claim!, { ok: false, error: '550 no such user', permanent: true }, { now: t0, mail });
    expect(await store.get('emails', refused.id)).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastError: '550 no such user',
    });
    expect(retryDelayMs(1, 60)).toBe(60_000);
    expect(retryDelayMs(4, 60)).toBe(480_000);
    expect(retryDelayMs(20, 60)).toBe(6 * 3_600_000);
  });
});

describe('composing', () => {
  it('escapes text in the HTML part and keeps the plain part as typed', () => {
    const content = composeEmail({
      subject: 'Sujet <b>',
      intro: ['« Sécurité » & <script>'],
      action: { label: 'Ouvrir', href: 'https://exemple.org/a?b="c"' },
      org: 'Org',
    });
    expect(content.text).toContain('« Sécurité » & <script>');
    expect(content.html).toContain('&lt;script&gt;');
    expect(content.html).not.toContain('<script>');
    expect(content.html).toContain('href="https://exemple.org/a?b=&quot;c&quot;"');
  });
});
