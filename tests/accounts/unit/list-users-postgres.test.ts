// On PostgreSQL the admin's list of people and the list of structures are filtered by the database
// (accounts/queries.ts). They must match what the embedded store gives for the same accounts.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listUsers, type UserFilter } from '../../../server/accounts/queries.ts';
import { createUser } from '../../../server/accounts/users.ts';
import { collections, migrations, schemaVersion } from '../../../server/collections.ts';
import { openAppStore } from '../../../server/open-app-store.ts';
import type { AppStore } from '../../../server/store/app-collections.ts';
import { openPostgresStore } from '../../../server/store/postgres/open-postgres-store.ts';
import { createTestDatabase, skipWithoutDatabase, type TestDatabase } from '../../helpers/test-database.ts';

const people = [
  ['Élodie Durand', 'Crèche Les Lilas', 'learner'],
  ['Emile Dupont', 'Centre social Nord', 'hr'],
  ['Zoé Martin', 'Centre social Nord', 'learner'],
  ['Ahmed Benali', 'Épicerie solidaire', 'trainer'],
  ['Awa Diallo', 'Crèche Les Lilas', 'admin'],
  ['Éric Lefèvre', 'Épicerie solidaire', 'learner'],
  ['eric lefevre', 'Centre social Nord', 'learner'],
] as const;

const filters: [UserFilter, number][] = [
  [{ q: '', role: '', structure: '' }, 1],
  [{ q: '', role: '', structure: '' }, 2],
  [{ q: 'eric', role: '', structure: '' }, 1],
  [{ q: 'LILAS', role: '', structure: '' }, 1],
  [{ q: '', role: 'learner', structure: '' }, 1],
  [{ q: '', role: '', structure: 'Centre social Nord' }, 1],
  [{ q: 'e', role: 'learner', structure: 'Crèche Les Lilas' }, 1],
  [{ q: 'personne', role: '', structure: '' }, 1],
];

describe.skipIf(skipWithoutDatabase)('people and structures listed by PostgreSQL', () => {
  let db: TestDatabase;
  let dir: string;
  let journal: AppStore;
  let postgres: AppStore;

  beforeAll(async () => {
    db = await createTestDatabase();
    dir = await mkdtemp(path.join(os.tmpdir(), 'passerelle-list-users-'));
    journal = await openAppStore(dir);
    postgres = await openPostgresStore({ url: db.url, collections, schemaVersion, migrations });
    const now = new Date('2026-11-30T09:00:00Z');
    for (const store of [journal, postgres])
      for (const [i, [name, structure, role]] of people.entries())
        await createUser(store, { name, email: `p${i}@exemple.org`, structure, matricule: null, role }, now);
  });
  afterAll(async () => {
    await Promise.all([journal?.close(), postgres?.close()]);
    await db?.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it.each(filters.map(([filter, page]) => [JSON.stringify(filter), page, filter] as const))(
    'lists the same page of people for %s, page %i',
    async (_, page, filter) => {
      const names = async (store: AppStore) => {
        const found = await listUsers(store, filter, page, 3);
        return { ...found, items: found.items.map((person) => person.email) };
      };
      const expected = await names(journal);
      expect(await names(postgres)).toEqual(expected);
    },
  );

  it('lists only the people of the structures in scope, the same on both stores', async () => {
    const scope = ['Crèche Les Lilas', 'Épicerie solidaire'];
    const emails = async (store: AppStore) =>
      (await listUsers(store, { q: '', role: '', structure: '' }, 1, 100, scope)).items.map((p) => p.email);
    const expected = people.flatMap(([, structure], i) => (scope.includes(structure) ? [`p${i}@exemple.org`] : []));
    expect((await emails(journal)).sort()).toEqual(expected.sort());
    expect(await emails(postgres)).toEqual(await emails(journal));
    expect((await listUsers(postgres, { q: '', role: '', structure: '' }, 1, 100, [])).total).toBe(0);
  });
});
