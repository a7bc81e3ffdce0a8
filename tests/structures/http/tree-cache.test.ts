// Each instance keeps the tree in memory (decision 024): a move, a rename, a merge or a grant made on one
// instance changes what an HR sees on any instance at the very next request.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantRole } from '../../../server/structures/use-cases/grant-role.ts';
import { mergeStructures } from '../../../server/structures/use-cases/merge-structures.ts';
import { moveStructure } from '../../../server/structures/use-cases/move-structure.ts';
import { renameStructure } from '../../../server/structures/use-cases/rename-structure.ts';
import { addStructures, addUser, cookieOn, createTestApp, type TestApp } from '../../helpers/test-app.ts';
import { skipWithoutDatabase } from '../../helpers/test-database.ts';
import { twoInstances } from '../../helpers/two-instances.ts';

/** Changes the tree and the grants through `writer`, and reads the HR dashboard on `reader` at once. */
function changesSeenAtOnce(instances: () => { writer: TestApp; reader: TestApp }) {
  it('shows a move, a rename, a grant and a merge at the next request', async () => {
    const { writer, reader } = instances();
    await addStructures(writer, [
      ['bzh', 'Fédération Bretagne'],
      ['rennes', 'Association de Rennes', 'bzh'],
      ['occ', 'Fédération Occitanie'],
      ['toulouse', 'Association de Toulouse', 'occ'],
      ['brest', 'Association de Brest', 'occ'],
    ]);
    const hr = await addUser(writer, 'learner', { name: 'Hélène RH', structure: 'bzh' });
    await grantRole(writer.store, { userId: hr.id, role: 'hr', structure: 'bzh' }, null, writer.now());
    const cookie = await cookieOn(reader, hr.email);
    const status = async (url: string) => (await request(reader.app).get(url).set('Cookie', cookie)).status;

    // Read once, so that the reader keeps the tree.
    expect(await status('/hr?structure=rennes')).toBe(200);
    expect(await status('/hr?structure=brest')).toBe(404);

    await moveStructure(writer.store, { code: 'brest', parent: 'bzh' }, null, writer.now());
    expect(await status('/hr?structure=brest')).toBe(200);

    await renameStructure(writer.store, { code: 'brest', name: 'Association du Finistère' }, null, writer.now());
    const page = await request(reader.app).get('/hr').set('Cookie', cookie).expect(200);
    expect(page.text).toContain('Association du Finistère');
    expect(page.text).not.toContain('Association de Brest');

    expect(await status('/hr?structure=toulouse')).toBe(404);
    await grantRole(writer.store, { userId: hr.id, role: 'hr', structure: 'toulouse' }, null, writer.now());
    expect(await status('/hr?structure=toulouse')).toBe(200);

    await mergeStructures(writer.store, { from: 'brest', into: 'rennes' }, null, writer.now());
    expect(await status('/hr?structure=brest')).toBe(404);
  });
}

describe('the tree kept in memory, embedded store', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());
  changesSeenAtOnce(() => ({ writer: t, reader: t }));
});

describe.skipIf(skipWithoutDatabase)('the tree kept in memory, two instances on one PostgreSQL database', () => {
  const instances = twoInstances();
  changesSeenAtOnce(() => ({ writer: instances.a, reader: instances.b }));
});
