import { describe, expect, it } from 'vitest';
import { attemptRow } from '../seed-completions.ts';
import { auditBesidesSignIns, download, excelCsv, hrApp } from './hr-test-app.ts';

const attempt = attemptRow;

describe('HR activity record of a learner (CSV)', () => {
  it('lists each course, the time per module and every quiz attempt of that person only', async () => {
    const { t, agent } = await hrApp();
    await t.store.transact((tx) => {
      tx.put('attempts', attempt('a1', 'alice', 50, '2026-03-09T09:00:00.000Z'));
      tx.put('attempts', attempt('a2', 'alice', 100, '2026-03-10T09:30:00.000Z'));
      tx.put('attempts', attempt('b1', 'bruno', 20, '2026-03-10T09:30:00.000Z'));
    });
    const res = await download(agent, '/hr/learners/alice/activite.csv').expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="activite-\d{4}-\d\d-\d\d\.csv"$/);
    expect(res.headers['cache-control']).toBe('no-store');
    const [header, ...rows] = excelCsv(res.body as Buffer);
    expect(header).toEqual([
      'Personne',
      'Structure',
      'Formation',
      'Version',
      'Activité',
      'Module',
      'Début',
      'Fin',
      'Temps (minutes)',
      'Score (%)',
      'Résultat',
    ]);
    const demo = rows.filter((r) => r[2] === 'Cours de démonstration');
    expect(demo).toEqual([
      [
        'Alice Martin',
        'Centre social Nord',
        'Cours de démonstration',
        '2',
        'Formation',
        '',
        '05/01/2026',
        '10/03/2026',
        '15',
        '90',
        'terminée',
      ],
      [
        'Alice Martin',
        'Centre social Nord',
        'Cours de démonstration',
        '2',
        'Module',
        'Premier module',
        '05/01/2026',
        '05/01/2026',
        '10',
        '',
        '',
      ],
      [
        'Alice Martin',
        'Centre social Nord',
        'Cours de démonstration',
        '2',
        'Module',
        'Évaluation finale',
        '05/01/2026',
        '05/01/2026',
        '5',
        '',
        '',
      ],
      [
        'Alice Martin',
        'Centre social Nord',
        'Cours de démonstration',
        '2',
        'Essai de quiz',
        'Évaluation finale',
        '09/03/2026',
        '',
        '',
        '50',
        'non réussi',
      ],
      [
        'Alice Martin',
        'Centre social Nord',
        'Cours de démonstration',
        '2',
        'Essai de quiz',
        'Évaluation finale',
        '10/03/2026',
        '',
        '',
        '100',
        'réussi',
      ],
    ]);
    // Her other courses, one still in progress, one no longer published (under its recorded title).
    expect(rows.filter((r) => r[4] === 'Formation').map((r) => [r[2], r[10]])).toEqual([
      ['Ancienne formation', 'terminée'],
      ['Cours de démonstration', 'terminée'],
      ['Titre enregistré de rgpd', 'en cours'],
    ]);
    const text = (res.body as Buffer).toString('utf8');
    for (const other of ['Bruno', 'Chloé', 'Hugo', 'alice@exemple.org']) expect(text).not.toContain(other);
  });

  it('is recorded in the audit log as an export, with who and whose record', async () => {
    const { t, hr, agent } = await hrApp();
    await download(agent, '/hr/learners/alice/activite.csv?format=rfc').expect(200);
    const entries = [];
    for await (const entry of t.store.all('audit'))
      if (entry.action === 'report.activity_exported') entries.push(entry);
    expect(entries).toMatchObject([{ actorId: hr.id, target: 'alice', details: { format: 'rfc', courses: 3 } }]);
  });

  it('answers 404 for an unknown account, without an audit entry', async () => {
    const { t, agent } = await hrApp();
    await agent.get('/hr/learners/nobody/activite.csv').expect(404);
    await agent.get('/hr/learners/nobody/activite.pdf').expect(404);
    expect(await auditBesidesSignIns(t)).toBe(0);
  });
});
