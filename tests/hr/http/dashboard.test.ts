import { describe, expect, it } from 'vitest';
import { enrollmentRow, lilas, userRow } from '../seed-completions.ts';
import { hrApp } from './hr-test-app.ts';

describe('HR dashboard', () => {
  it('narrows the table with GET filters that can be bookmarked', async () => {
    const { agent } = await hrApp();
    const all = await agent.get('/hr').expect(200);
    expect(all.text).toContain('Alice Martin');
    expect(all.text).toContain('Chloé Lefèvre');

    const lilasOnly = await agent.get('/hr').query({ structure: lilas }).expect(200);
    expect(lilasOnly.text).toContain('Chloé Lefèvre');
    expect(lilasOnly.text).toContain('Hugo Bernard');
    expect(lilasOnly.text).not.toContain('Alice Martin');
    expect(lilasOnly.text).toMatch(/<option value="Crèche Les Lilas" selected>/);

    const revoked = await agent.get('/hr?status=revoked').expect(200);
    expect(revoked.text).toContain('Chloé Lefèvre');
    expect(revoked.text).not.toContain('Hugo Bernard');

    const july = await agent.get('/hr?from=2026-07-01&to=2026-07-31').expect(200);
    expect(july.text).toContain('Chloé Lefèvre');
    expect(july.text).not.toContain('Alice Martin');
  });

  it('lists the learners who have not started a course once that course is chosen', async () => {
    const { agent } = await hrApp();
    const demo = await agent.get('/hr?course=demo&status=not_started').expect(200);
    expect(demo.text).toContain('Damien Roux');
    expect(demo.text).toContain('Non commencé');
    expect(demo.text).not.toContain('Alice Martin');
  });

  it('says so when nothing matches', async () => {
    const { agent } = await hrApp();
    const res = await agent.get('/hr').query({ structure: 'Une structure sans personne' }).expect(200);
    expect(res.text).toContain('Aucune réalisation ne correspond à ces filtres.');
  });

  it('shows an invalid date as a French error next to its field, and ignores only that filter', async () => {
    const { agent } = await hrApp();
    const res = await agent.get('/hr').query({ from: '2026-13-45', structure: lilas }).expect(400);
    expect(res.text).toContain('<p class="field-error" id="from-error">Date invalide');
    expect(res.text).toContain('aria-invalid="true"');
    expect(res.text).toContain('Chloé Lefèvre');
    expect(res.text).not.toContain('Alice Martin');
    await agent.get('/hr?page=zero&sort=email&to=hier').expect(400);
  });

  it('has sort links that keep the filters and mark the sorted column', async () => {
    const { agent } = await hrApp();
    const res = await agent.get('/hr?course=demo&sort=status').expect(200);
    expect(res.text).toContain('<caption>');
    expect(res.text).toContain(
      '<th scope="col" aria-sort="ascending"><a href="/hr?course=demo&amp;sort=status&amp;dir=desc">',
    );
    expect(res.text).toContain('href="/hr?course=demo&amp;sort=name"');
    const desc = await agent.get('/hr?sort=completedAt&dir=desc').expect(200);
    expect(desc.text.indexOf('Chloé Lefèvre')).toBeLessThan(desc.text.indexOf('Hugo Bernard'));
  });

  it('pages through the rows, 50 a page, with links that keep the filters', async () => {
    const { t, agent } = await hrApp();
    await t.store.transact((tx) => {
      for (let index = 0; index < 60; index += 1) {
        const id = `extra-${String(index).padStart(2, '0')}`;
        tx.put('users', userRow(id, `Zénon ${String(index).padStart(2, '0')}`, { structure: 'Régie Est' }));
        tx.put('enrollments', enrollmentRow(id, 'demo', null));
      }
    });
    const first = await agent.get('/hr?structure=R%C3%A9gie+Est').expect(200);
    expect(first.text).toContain('60 réalisations, page 1 sur 2');
    expect(first.text).toContain('Zénon 49');
    expect(first.text).not.toContain('Zénon 50');
    expect(first.text).toContain('href="/hr?structure=R%C3%A9gie+Est&amp;page=2" rel="next"');
    const second = await agent.get('/hr?structure=R%C3%A9gie+Est&page=2').expect(200);
    expect(second.text).toContain('Zénon 59');
    expect(second.text).not.toContain('Zénon 49');
    // A page past the end shows the last one rather than an empty table.
    const beyond = await agent.get('/hr?structure=R%C3%A9gie+Est&page=9').expect(200);
    expect(beyond.text).toContain('Zénon 59');
  });

  it('shows totals per course and per structure over every filtered row', async () => {
    const { agent } = await hrApp();
    const res = await agent.get('/hr').expect(200);
    expect(res.text).toContain('<caption>Totaux par formation</caption>');
    expect(res.text).toContain('<caption>Totaux par structure</caption>');
    // demo: Alice completed, Bruno in progress, Chloé revoked, Hugo completed → 2 of 4; 15+2+60+30 min.
    expect(res.text).toMatch(
      /<a href="\/hr\?course=demo">Cours de démonstration<\/a><\/th><td>4<\/td><td>1<\/td><td>2<\/td><td>1<\/td><td>50\u00A0%<\/td><td>1,8<\/td>/,
    );
  });

  it('carries the current filters into the export links', async () => {
    const { agent } = await hrApp();
    const res = await agent.get('/hr?course=demo&status=completed&page=2').expect(200);
    expect(res.text).toContain('href="/hr/exports/completions.csv?course=demo&amp;status=completed"');
    expect(res.text).toContain('href="/hr/exports/completions.csv?course=demo&amp;status=completed&amp;format=rfc"');
    expect(res.text).toContain('href="/hr/exports/completions.xlsx?course=demo&amp;status=completed"');
  });
});
