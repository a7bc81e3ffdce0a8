import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPoppler, skipWithoutPoppler } from '../../certificates/run-poppler.ts';
import { attemptRow } from '../seed-completions.ts';
import { download, hrApp } from './hr-test-app.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'passerelle-activity-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const attempt = (id: string, createdAt: string, score: number) => attemptRow(id, 'alice', score, createdAt);

describe.skipIf(skipWithoutPoppler)('HR activity record of a learner (PDF)', () => {
  it('reads back, with pdftotext, the person, each course, the time per module and the quiz results', async () => {
    const { t, agent } = await hrApp();
    await t.store.transact((tx) => {
      tx.put('attempts', attempt('a1', '2026-03-09T09:00:00.000Z', 50));
      tx.put('attempts', attempt('a2', '2026-03-10T09:30:00.000Z', 100));
    });
    const res = await download(agent, '/hr/learners/alice/activite.pdf').expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="activite-\d{4}-\d\d-\d\d\.pdf"$/);
    const file = path.join(dir, 'alice.pdf');
    await writeFile(file, res.body as Buffer);
    const text = (await runPoppler('pdftotext', ['-layout', file, '-'])).replace(/\u00a0/g, ' ');
    expect(text).toContain('Relevé d’activité de formation');
    expect(text).toContain('Alice Martin — Centre social Nord — matricule M-001');
    expect(text).toContain('Cours de démonstration (version 2)');
    expect(text).toMatch(/Temps mesuré : +15 min/);
    expect(text).toMatch(/Premier module +5 janvier 2026 +5 janvier 2026 +10 min/);
    expect(text).toMatch(/Évaluation finale +5 janvier 2026 +5 janvier 2026 +5 min/);
    expect(text).toMatch(/9 mars 2026 à 10:00 +Évaluation finale +50 % +non réussi/);
    expect(text).toMatch(/10 mars 2026 à 10:30 +Évaluation finale +100 % +réussi/);
    expect(text).toContain('Ancienne formation (version 1)');
    for (const other of ['Bruno', 'Chloé', 'alice@exemple.org']) expect(text).not.toContain(other);
    const info = await runPoppler('pdfinfo', [file]);
    expect(info).toMatch(/Title: +Relevé d’activité de formation — Alice Martin/);
  });

  it('is issued by the learner’s structure once it has a face of its own, as their attestations', async () => {
    const { t, agent } = await hrApp();
    const issuedBy = async () => {
      const res = await download(agent, '/hr/learners/alice/activite.pdf').expect(200);
      const file = path.join(dir, 'issued.pdf');
      await writeFile(file, res.body as Buffer);
      return /Établi par (.+?) le /.exec((await runPoppler('pdftotext', [file, '-'])).replace(/\s+/g, ' '))?.[1];
    };
    const before = await issuedBy();
    expect(before).not.toBe('Centre social Nord');
    await t.store.transact(async (tx) => {
      const nord = (await tx.get('structures', 'Centre social Nord'))!;
      tx.put('structures', { ...nord, signatoryPlace: 'Lille', signatoryName: 'La direction' });
    });
    expect(await issuedBy()).toBe('Centre social Nord');
  });

  it('continues on further pages when the record is long, headers repeated', async () => {
    const { t, agent } = await hrApp();
    await t.store.transact((tx) => {
      for (let i = 0; i < 90; i++)
        tx.put('attempts', attempt(`x${i}`, new Date(Date.UTC(2026, 2, 1, 8, i)).toISOString(), i % 2 ? 90 : 40));
    });
    const res = await download(agent, '/hr/learners/alice/activite.pdf').expect(200);
    const file = path.join(dir, 'long.pdf');
    await writeFile(file, res.body as Buffer);
    expect(await runPoppler('pdfinfo', [file])).toMatch(/Pages: +[2-9]/);
    const pages = (await runPoppler('pdftotext', ['-layout', file, '-'])).split('\f').filter((p) => p.trim());
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pages[1]).toContain('Essai de quiz');
  });
});
