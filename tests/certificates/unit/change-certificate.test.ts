import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CertificateNotValidError } from '../../../server/certificates/errors.ts';
import { reissueCertificate } from '../../../server/certificates/reissue-certificate.ts';
import { revokeCertificate } from '../../../server/certificates/revoke-certificate.ts';
import { openAppStore } from '../../../server/open-app-store.ts';
import { ConflictError } from '../../../server/shared/errors.ts';
import type { AppStore } from '../../../server/store/app-collections.ts';
import { certificateRow } from '../../hr/seed-completions.ts';

let dir: string;
let store: AppStore;
const now = new Date('2026-12-02T10:00:00Z');

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'passerelle-change-certificate-'));
  store = await openAppStore(dir);
  await store.transact((tx) => {
    tx.put('certificates', certificateRow('zoe', 'demo', '2026-11-23T10:00:00.000Z', { id: 'cert-zoe' }));
  });
});

afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

const auditActions = async () => (await store.findBy('audit', 'actorId', 'rose')).map((entry) => entry.action);

describe('revoking a certificate', () => {
  it('marks it revoked with who, when and why, and records it in the audit log', async () => {
    await revokeCertificate(store, { id: 'cert-zoe', reason: 'Erreur de saisie', actorId: 'rose', now });
    expect(await store.get('certificates', 'cert-zoe')).toMatchObject({
      status: 'revoked',
      statusChangedAt: '2026-12-02T10:00:00.000Z',
      statusChangedBy: 'rose',
      revokeReason: 'Erreur de saisie',
    });
    expect(await auditActions()).toEqual(['certificate.revoked']);
  });

  it('refuses a certificate that is no longer valid, as a conflict, changing nothing', async () => {
    await revokeCertificate(store, { id: 'cert-zoe', reason: 'Erreur', actorId: 'rose', now });
    const again = revokeCertificate(store, { id: 'cert-zoe', reason: 'Encore', actorId: 'rose', now });
    await expect(again).rejects.toBeInstanceOf(CertificateNotValidError);
    await expect(again).rejects.toBeInstanceOf(ConflictError);
    expect((await store.get('certificates', 'cert-zoe'))?.revokeReason).toBe('Erreur');
    expect(await auditActions()).toEqual(['certificate.revoked']);
  });
});

describe('re-issuing a certificate', () => {
  it('issues a new one under the corrected name with new codes, and marks the old one replaced', async () => {
    const replacement = await reissueCertificate(store, {
      id: 'cert-zoe',
      learnerName: 'Zoé Lefèvre',
      actorId: 'rose',
      now,
    });
    const old = await store.get('certificates', 'cert-zoe');
    expect(old).toMatchObject({ status: 'replaced', replacedBy: replacement.id });
    expect(replacement).toMatchObject({ status: 'valid', replaces: 'cert-zoe', replacedBy: null });
    expect(replacement.snapshot).toMatchObject({ learnerName: 'Zoé Lefèvre', issuedAt: '2026-12-02T10:00:00.000Z' });
    expect(replacement.shortCode).not.toBe(old?.shortCode);
    expect(replacement.snapshot.shortCode).toBe(replacement.shortCode);
    expect(replacement.token).not.toBe(old?.token);
    expect(await auditActions()).toEqual(['certificate.reissued']);
  });

  it('refuses a replaced certificate', async () => {
    await reissueCertificate(store, { id: 'cert-zoe', learnerName: 'Zoé L.', actorId: 'rose', now });
    const again = reissueCertificate(store, { id: 'cert-zoe', learnerName: 'Zoé M.', actorId: 'rose', now });
    await expect(again).rejects.toBeInstanceOf(CertificateNotValidError);
  });
});
