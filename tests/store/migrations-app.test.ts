import { describe, expect, it } from 'vitest';
import { migrations } from '../../server/collections.ts';

describe("Passerelle's own migrations", () => {
  it('2: removes the CSRF key kept in the store by version 1, and nothing else', () => {
    const v1 = {
      settings: [
        { id: 'csrf-secret', value: 'k' },
        { id: 'other', value: 'v' },
      ],
      users: [{ id: 'u1' }],
    };
    expect(migrations[1]?.(v1)).toEqual({ settings: [{ id: 'other', value: 'v' }], users: [{ id: 'u1' }] });
  });
});
