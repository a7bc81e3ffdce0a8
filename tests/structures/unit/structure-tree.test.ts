import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StructureCycleError, StructureListRejectedError } from '../../../server/structures/errors.ts';
import { loadTree } from '../../../server/structures/queries.ts';
import { scopeOf } from '../../../server/structures/scope.ts';
import { codesForNames, structuresFromNames } from '../../../server/structures/structures-from-names.ts';
import { buildTree, pathToRoot, subtreeCodes } from '../../../server/structures/tree.ts';
import { addStructure } from '../../../server/structures/use-cases/add-structure.ts';
import { grantRole } from '../../../server/structures/use-cases/grant-role.ts';
import { importStructureTree } from '../../../server/structures/use-cases/import-structure-tree.ts';
import { mergeStructures } from '../../../server/structures/use-cases/merge-structures.ts';
import { moveStructure } from '../../../server/structures/use-cases/move-structure.ts';
import { openUseCaseStore, type UseCaseStore } from '../../accounts/unit/use-case-store.ts';

let s: UseCaseStore;
beforeEach(async () => {
  s = await openUseCaseStore();
});
afterEach(() => s.close());

const at = '2026-11-23T09:00:00.000Z';
const row = (id: string, parentId: string | null) => ({ id, name: id, parentId, createdAt: at, updatedAt: at });

describe('the tree', () => {
  it('hangs orphans and members of a cycle under the root, so nobody is lost', () => {
    const tree = buildTree([row('a', 'reseau'), row('b', 'a'), row('c', 'gone'), row('x', 'y'), row('y', 'x')], 'R');
    expect(tree.root.children.map((n) => n.code).sort()).toEqual(['a', 'c', 'x']);
    expect([...subtreeCodes(tree, 'reseau')].sort()).toEqual(['a', 'b', 'c', 'reseau', 'x', 'y']);
    expect([...subtreeCodes(tree, 'a')].sort()).toEqual(['a', 'b']);
    expect(pathToRoot(tree, 'b').map((n) => n.code)).toEqual(['b', 'a', 'reseau']);
    expect(subtreeCodes(tree, 'nothing').size).toBe(0);
  });
});

describe('editing the tree', () => {
  it('moves a structure with everything below it, and refuses a move under itself or its descendants', async () => {
    const now = s.clock();
    await addStructure(s.store, { code: 'bzh', name: 'Bretagne', parent: 'reseau' }, null, now);
    await addStructure(s.store, { code: 'rennes', name: 'Rennes', parent: 'bzh' }, null, now);
    await addStructure(s.store, { code: 'rennes-acc', name: 'Accueil', parent: 'rennes' }, null, now);
    await expect(moveStructure(s.store, { code: 'bzh', parent: 'rennes-acc' }, null, now)).rejects.toBeInstanceOf(
      StructureCycleError,
    );
    await expect(moveStructure(s.store, { code: 'bzh', parent: 'bzh' }, null, now)).rejects.toBeInstanceOf(
      StructureCycleError,
    );
    await moveStructure(s.store, { code: 'rennes', parent: 'nord' }, null, now);
    const tree = await loadTree(s.store);
    expect(pathToRoot(tree, 'rennes-acc').map((n) => n.code)).toEqual(['rennes-acc', 'rennes', 'nord', 'reseau']);
  });

  it('merges a structure: its people, children and grants move, then it is gone', async () => {
    const now = s.clock();
    await addStructure(s.store, { code: 'vieux', name: 'Ancien', parent: 'reseau' }, null, now);
    await addStructure(s.store, { code: 'sous', name: 'Sous', parent: 'vieux' }, null, now);
    const person = await s.person('learner', { structure: 'vieux' });
    await grantRole(s.store, { userId: person.id, role: 'hr', structure: 'vieux' }, null, now);
    expect(await mergeStructures(s.store, { from: 'vieux', into: 'sud' }, 'admin-1', now)).toEqual({
      people: 1,
      children: 1,
      grants: 1,
      assignments: 0,
    });
    expect(await s.store.get('structures', 'vieux')).toBeUndefined();
    expect((await s.store.get('users', person.id))?.structure).toBe('sud');
    expect((await s.store.get('structures', 'sous'))?.parentId).toBe('sud');
    expect((await s.store.findBy('grants', 'userId', person.id)).map((g) => g.structureId)).toEqual(['sud']);
    await expect(mergeStructures(s.store, { from: 'sud', into: 'sous' }, null, now)).rejects.toBeInstanceOf(
      StructureCycleError,
    );
  });

  it('imports a tree from CSV, parents defined anywhere in the file, all or nothing', async () => {
    const csv =
      'code;nom;parent\nrennes;Asso Rennes;bzh\nbzh;Fédération Bretagne;\nnord;Centre social Nord (renommé);bzh';
    expect(await importStructureTree(s.store, csv, null, s.clock())).toEqual({ created: 2, updated: 1 });
    const tree = await loadTree(s.store);
    expect(pathToRoot(tree, 'nord').map((n) => n.name)).toEqual([
      'Centre social Nord (renommé)',
      'Fédération Bretagne',
      'Réseau',
    ]);
    const bad = 'code;nom;parent\na;A;b\nb;B;a\nc;C;bzhh\nD D;D;\nrennes;Encore;';
    const refusal = await importStructureTree(s.store, bad, null, s.clock()).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(StructureListRejectedError);
    expect((refusal as StructureListRejectedError).errors.map((e) => e.line)).toEqual([2, 3, 4, 5]);
    expect((refusal as StructureListRejectedError).errors[2]!.message).toContain('Codes proches : bzh');
    expect(await s.store.get('structures', 'a')).toBeUndefined();
  });
});

describe('scopes', () => {
  it('reach the subtree of each grant, everything from the root or the account’s own role', async () => {
    const now = s.clock();
    await addStructure(s.store, { code: 'bzh', name: 'Bretagne', parent: 'reseau' }, null, now);
    await addStructure(s.store, { code: 'rennes', name: 'Rennes', parent: 'bzh' }, null, now);
    const hr = await s.person('learner', { structure: 'rennes' });
    expect(await scopeOf(s.store, hr, ['hr'])).toEqual({ all: false, codes: new Set() });
    await grantRole(s.store, { userId: hr.id, role: 'hr', structure: 'bzh' }, null, now);
    await grantRole(s.store, { userId: hr.id, role: 'trainer', structure: 'sud' }, null, now);
    expect(await scopeOf(s.store, hr, ['hr'])).toEqual({ all: false, codes: new Set(['bzh', 'rennes']) });
    expect(await scopeOf(s.store, hr, ['hr', 'trainer'])).toEqual({
      all: false,
      codes: new Set(['bzh', 'rennes', 'sud']),
    });
    await grantRole(s.store, { userId: hr.id, role: 'hr', structure: 'reseau' }, null, now);
    expect(await scopeOf(s.store, hr, ['hr'])).toEqual({ all: true });
    const admin = await s.person('admin');
    expect(await scopeOf(s.store, admin, ['admin'])).toEqual({ all: true });
  });
});

describe('schema 2 → 3', () => {
  it('turns each structure text into a structure under the root, with a unique code, and keeps the text as name', () => {
    expect([...codesForNames(['Siège', 'SIÈGE', 'Réseau', '***'])]).toEqual([
      ['Siège', 'siege'],
      ['SIÈGE', 'siege-2'],
      ['Réseau', 'reseau-2'],
      ['***', 'structure'],
    ]);
    const migrated = structuresFromNames(
      {
        users: [{ id: 'u1', structure: 'Foyer Sud' }],
        assignments: [
          { id: 'a1', target: 'structure', structure: 'Foyer Sud' },
          { id: 'a2', target: 'everyone', structure: null },
        ],
      },
      at,
    );
    expect(migrated.users).toEqual([{ id: 'u1', structure: 'foyer-sud' }]);
    expect(migrated.assignments!.map((a) => a.structure)).toEqual(['foyer-sud', null]);
    expect(migrated.structures).toEqual(
      [row('reseau', null), { ...row('foyer-sud', 'reseau'), name: 'Foyer Sud' }].map((r) =>
        r.id === 'reseau' ? { ...r, name: 'Réseau' } : r,
      ),
    );
  });
});
