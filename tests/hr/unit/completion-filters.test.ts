import { describe, expect, it } from 'vitest';
import { CompletionFilters, parseCompletionFilters } from '../../../server/hr/completion-filters.ts';

describe('CompletionFilters', () => {
  it('reads the GET parameters of a bookmarked view', () => {
    expect(
      CompletionFilters.parse({
        from: '2026-01-01',
        to: '2026-06-30',
        structure: ' Crèche Les Lilas ',
        course: 'demo',
        status: 'completed',
        sort: 'completedAt',
        dir: 'desc',
        page: '3',
      }),
    ).toEqual({
      from: '2026-01-01',
      to: '2026-06-30',
      structure: 'Crèche Les Lilas',
      course: 'demo',
      status: 'completed',
      sort: 'completedAt',
      dir: 'desc',
      page: 3,
    });
  });

  it('treats empty form fields as no filter, and ignores parameters it does not know', () => {
    expect(CompletionFilters.parse({ from: '', to: ' ', structure: '', status: '', format: 'rfc' })).toEqual({
      dir: 'asc',
      page: 1,
    });
  });
});

describe('parseCompletionFilters', () => {
  it('drops a day that does not exist, with a French message, and keeps the other filters', () => {
    const parsed = parseCompletionFilters({ from: '2026-02-30', course: 'demo' });
    expect(parsed.filters).toEqual({ course: 'demo', dir: 'asc', page: 1 });
    expect(parsed.errors.from).toBe('Date invalide : utilisez le format AAAA-MM-JJ, par exemple 2026-11-23.');
    expect(parsed.values.from).toBe('2026-02-30');
  });

  it('refuses dates in another format', () => {
    for (const from of ['23/11/2026', '2026-1-5', 'hier', '2026-11-23T00:00']) {
      expect(parseCompletionFilters({ from }).errors.from).toMatch(/^Date invalide/);
    }
  });

  it('refuses an end date before the start date and keeps the start date', () => {
    const parsed = parseCompletionFilters({ from: '2026-03-01', to: '2026-01-31' });
    expect(parsed.filters.from).toBe('2026-03-01');
    expect(parsed.filters.to).toBeUndefined();
    expect(parsed.errors.to).toBe('La date de fin doit être le même jour que la date de début ou après.');
  });

  it('reports every wrong parameter at once', () => {
    const parsed = parseCompletionFilters({
      status: 'fini',
      sort: 'email',
      dir: 'up',
      page: '-2',
      course: '../etc',
      structure: 'x'.repeat(121),
    });
    expect(parsed.filters).toEqual({ dir: 'asc', page: 1 });
    expect(parsed.errors).toEqual({
      status: 'Statut inconnu : choisissez-le dans la liste.',
      sort: 'Tri inconnu.',
      dir: 'Ordre de tri inconnu.',
      page: 'Numéro de page invalide.',
      course: 'Formation inconnue : choisissez-la dans la liste.',
      structure: 'Structure trop longue (120 caractères au plus).',
    });
  });

  it('refuses a repeated parameter instead of guessing which one was meant', () => {
    const parsed = parseCompletionFilters({ status: ['completed', 'revoked'], page: ['1', '2'] });
    expect(parsed.filters.status).toBeUndefined();
    expect(parsed.errors.status).toBe('Statut inconnu : choisissez-le dans la liste.');
    expect(parsed.errors.page).toBe('Numéro de page invalide.');
  });
});
