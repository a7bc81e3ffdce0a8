import { describe, expect, it } from 'vitest';
import type { Attempt } from '../../../server/learning/schema.ts';
import { hrApp } from './hr-test-app.ts';

describe('HR learner page', () => {
  it('shows every course of a learner with times, attempts, best score and certificate links', async () => {
    const { t, agent } = await hrApp();
    const attempt = (id: string, score: number): Attempt => ({
      id,
      userId: 'alice',
      course: 'demo',
      module: 'evaluation',
      courseVersion: 2,
      contentHash: 'hash',
      createdAt: '2026-03-10T09:00:00.000Z',
      answers: {},
      correct: {},
      score,
      passMark: 80,
      passed: score >= 80,
    });
    await t.store.transact((tx) => {
      tx.put('attempts', attempt('a1', 50));
      tx.put('attempts', attempt('a2', 100));
    });
    const res = await agent.get('/hr/learners/alice').expect(200);
    expect(res.text).toContain('<h1>Alice Martin</h1>');
    expect(res.text).toContain('Ancienne formation');
    expect(res.text).toMatch(/Cours de démonstration <span class="meta">v2<\/span><\/th>\s*<td>Terminé<\/td>/);
    expect(res.text).toContain('<td>15 min</td>\n<td>25 min</td>\n<td>2</td>\n<td>100\u00A0%</td>');
    expect(res.text).toMatch(/href="\/certificates\/cert-alice-demo-\d+">PAS-TEST-\d{4}<\/a>/);
  });

  it('shows a revoked certificate with its reason', async () => {
    const { agent } = await hrApp();
    const res = await agent.get('/hr/learners/chloe').expect(200);
    expect(res.text).toContain('Attestation révoquée');
    expect(res.text).toContain('Attestation délivrée par erreur');
  });

  it('answers 404 for an unknown account', async () => {
    const { agent } = await hrApp();
    await agent.get('/hr/learners/nobody').expect(404);
  });
});
