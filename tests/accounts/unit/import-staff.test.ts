import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StaffListRejectedError } from '../../../server/accounts/errors.ts';
import { importStaff } from '../../../server/accounts/use-cases/import-staff.ts';
import { openUseCaseStore, type UseCaseStore } from './use-case-store.ts';

let s: UseCaseStore;
beforeEach(async () => {
  s = await openUseCaseStore();
});
afterEach(() => s.close());

const valid = 'nom;email;structure\nMarie Curie;marie@exemple.org;Nord\nJean Moulin;jean@exemple.org;Sud';

describe('importStaff', () => {
  it('creates every person with an invitation link, and one audit entry for the import', async () => {
    const { invitations, expiresAt } = await importStaff(valid, 'admin-1', s);
    expect(invitations.map((i) => i.user.email)).toEqual(['marie@exemple.org', 'jean@exemple.org']);
    expect(invitations.every((i) => i.token.length > 20)).toBe(true);
    expect(expiresAt.toISOString()).toBe('2026-11-30T09:00:00.000Z');
    expect(await s.audit()).toMatchObject([
      {
        action: 'users.imported',
        actorId: 'admin-1',
        details: { count: 2, userIds: invitations.map((i) => i.user.id) },
      },
    ]);
  });

  it('reports every line to fix, format and emails already used together, and creates nobody', async () => {
    await s.person('learner', { email: 'jean@exemple.org' });
    const csv = `${valid}\nZoé;zoe-sans-arobase;Nord`;
    const refusal = await importStaff(csv, 'admin-1', s).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(StaffListRejectedError);
    expect((refusal as StaffListRejectedError).errors).toEqual([
      { line: 3, message: 'un compte existe déjà avec l’adresse jean@exemple.org' },
      { line: 4, message: 'adresse e-mail invalide' },
    ]);
    expect(await s.store.count('users')).toBe(1);
    expect(await s.audit()).toEqual([]);
  });

  it('takes structures by code and refuses a code that names none, with the close ones', async () => {
    const csv =
      'nom;email;structure\nMarie;marie@exemple.org;NORD\nJean;jean@exemple.org;foyer-sude\nZoé;zoe@exemple.org;ailleurs';
    const refusal = await importStaff(csv, 'admin-1', s).catch((error: unknown) => error);
    expect((refusal as StaffListRejectedError).errors).toEqual([
      { line: 3, message: 'Aucune structure n’a le code « foyer-sude ». Codes proches : foyer-sud.' },
      { line: 4, message: 'Aucune structure n’a le code « ailleurs ».' },
    ]);
    const { invitations } = await importStaff('nom;email;structure\nMarie;marie@exemple.org;NORD', 'admin-1', s);
    expect(invitations[0]!.user.structure).toBe('nord');
  });
});
