import { describe, expect, it } from 'vitest';
import { slugify } from '../../server/shared/slugify.ts';

describe('slugify', () => {
  it('keeps lowercase ASCII letters, digits and single hyphens', () => {
    expect(slugify('  Écrire à l’équipe : cœur & âme !  ')).toBe('ecrire-a-l-equipe-coeur-ame');
    expect(slugify('../../etc/passwd')).toBe('etc-passwd');
    expect(slugify('¿?')).toBe('');
    expect(slugify('a'.repeat(100))).toHaveLength(60);
  });
});
