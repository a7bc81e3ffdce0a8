import { CompletionRow } from '../../server/hr/completion-row.ts';

/** A completed course; the completion falls at 00:30 in Paris, the day after the UTC date. */
export function makeCompletionRow(overrides: Partial<CompletionRow> = {}): CompletionRow {
  return CompletionRow.parse({
    name: 'Zoé Lefèvre',
    email: 'zoe.lefevre@example.org',
    matricule: 'M-0042',
    structure: 'Association Élan',
    course: 'Culture numérique',
    courseVersion: 3,
    status: 'completed',
    startedAt: new Date('2026-11-02T08:15:00Z'),
    completedAt: new Date('2026-11-23T23:30:00Z'),
    measuredMinutes: 75,
    declaredMinutes: 90,
    finalScore: 87.5,
    certificateCode: 'K7QX-92MD',
    certificateStatus: 'valid',
    dueDate: null,
    ...overrides,
  });
}

export async function* fromArray<T>(items: readonly T[]): AsyncGenerator<T> {
  yield* items;
}
