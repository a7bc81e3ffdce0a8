import { describe, expect, it } from 'vitest';
import { Tables } from '../../../server/store/journal/tables.ts';

// An index keeps a value's only row alone, an array once a second row shares the value and a map past a
// few (tables.ts): every move between them must keep findBy exact, and give the rows as last written.
const tables = () => new Tables({ people: { indexes: ['team'] } });
const ids = (t: Tables, team: string) => t.findBy('people', 'team', team).map((row) => row.id);

describe('store indexes', () => {
  it('find one row, then several sharing a value, in insertion order', () => {
    const t = tables();
    t.set('people', { id: 'a', team: 'x' });
    expect(ids(t, 'x')).toEqual(['a']);
    t.set('people', { id: 'b', team: 'x' });
    t.set('people', { id: 'c', team: 'x' });
    expect(ids(t, 'x')).toEqual(['a', 'b', 'c']);
    expect(ids(t, 'y')).toEqual([]);
  });

  it('follow a row that is put again unchanged, moved to another value, or deleted', () => {
    const t = tables();
    t.set('people', { id: 'a', team: 'x' });
    t.set('people', { id: 'a', team: 'x', name: 'Ana' });
    expect(t.findBy('people', 'team', 'x')).toEqual([{ id: 'a', team: 'x', name: 'Ana' }]);
    t.set('people', { id: 'b', team: 'x' });
    t.set('people', { id: 'a', team: 'y' });
    expect(ids(t, 'x')).toEqual(['b']);
    expect(ids(t, 'y')).toEqual(['a']);
    t.delete('people', 'b');
    expect(ids(t, 'x')).toEqual([]);
    t.set('people', { id: 'c', team: 'y' });
    t.delete('people', 'a');
    expect(ids(t, 'y')).toEqual(['c']);
    t.delete('people', 'c');
    expect(ids(t, 'y')).toEqual([]);
    t.set('people', { id: 'd', team: 'y' });
    expect(ids(t, 'y')).toEqual(['d']);
  });

  it('keep every id of a value many rows share, through additions and removals past a few', () => {
    const t = tables();
    const all = Array.from({ length: 40 }, (_, i) => `r${i}`);
    for (const id of all) t.set('people', { id, team: 'x' });
    expect(ids(t, 'x').sort()).toEqual([...all].sort());
    for (const id of all.slice(0, 39)) t.delete('people', id);
    expect(ids(t, 'x')).toEqual(['r39']);
    for (const id of all.slice(0, 5)) t.set('people', { id, team: 'x' });
    t.set('people', { id: 'r2', team: 'y' });
    expect(ids(t, 'x').sort()).toEqual(['r0', 'r1', 'r3', 'r39', 'r4']);
    expect(ids(t, 'y')).toEqual(['r2']);
  });

  it('give each row as last written, in its place, whether the value has one row, a few or many', () => {
    for (const size of [1, 5, 40]) {
      const t = tables();
      for (let i = 0; i < size; i++) t.set('people', { id: `r${i}`, team: 'x', version: 1 });
      t.set('people', { id: 'r0', team: 'x', version: 2 });
      const found = t.findBy('people', 'team', 'x');
      expect(found.map((row) => row.id)).toEqual(Array.from({ length: size }, (_, i) => `r${i}`));
      expect(found[0]).toEqual({ id: 'r0', team: 'x', version: 2 });
      expect(found.slice(1).every((row) => row.version === 1)).toBe(true);
      // What findBy returns is the caller's: changing it leaves the index as it was.
      found.length = 0;
      expect(t.findBy('people', 'team', 'x')).toHaveLength(size);
    }
  });

  it('tell each watcher every row changed, as it was and as it is, until it stops watching', () => {
    const t = tables();
    const seen: string[] = [];
    const stop = t.watch(({ coll, previous, row }) =>
      seen.push(`${coll}:${previous?.team ?? '-'}>${row?.team ?? '-'}`),
    );
    t.set('people', { id: 'a', team: 'x' });
    t.set('people', { id: 'a', team: 'y' });
    t.delete('people', 'a');
    t.delete('people', 'a');
    stop();
    t.set('people', { id: 'b', team: 'x' });
    expect(seen).toEqual(['people:->x', 'people:x>y', 'people:y>-']);
  });

  it('keep the row written and tell the other watchers when one throws, reporting it as a warning', async () => {
    const t = tables();
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.message);
    process.on('warning', onWarning);
    const seen: string[] = [];
    t.watch(() => {
      throw new Error('watcher bug');
    });
    t.watch(({ row }) => seen.push(String(row?.id)));
    t.set('people', { id: 'a', team: 'x' });
    // Warnings are emitted on the next tick.
    await new Promise((resolve) => setImmediate(resolve));
    process.off('warning', onWarning);
    expect(ids(t, 'x')).toEqual(['a']);
    expect(seen).toEqual(['a']);
    expect(warnings).toEqual(['watcher bug']);
  });
});
