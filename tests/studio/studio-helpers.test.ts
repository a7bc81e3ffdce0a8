import { describe, expect, it } from 'vitest';
import { slugify } from '../../server/shared/slugify.ts';
import { detectImageType } from '../../server/studio/detect-image-type.ts';
import { getFrontMatterField, setFrontMatterField } from '../../server/studio/front-matter-field.ts';
import { StudioError } from '../../server/studio/studio-error.ts';
import { tinyPng } from './studio-test-app.ts';

const sheet = `---
# Fiche relue par l'équipe
titre: Cours   # titre court
resume: "Un résumé : avec deux-points"
version: 2
auteurs:
  - A
---

Corps du texte.
`;

describe('setFrontMatterField', () => {
  it('changes only the value of the field, keeping comments, quotes and order', () => {
    expect(setFrontMatterField(sheet, 'version', 3)).toBe(sheet.replace('version: 2', 'version: 3'));
    expect(setFrontMatterField(sheet, 'titre', 'Nouveau : titre')).toBe(
      sheet.replace('titre: Cours   # titre court', 'titre: "Nouveau : titre"   # titre court'),
    );
  });

  it('adds a missing field at the end of the front matter', () => {
    const without = sheet.replace('version: 2\n', '');
    expect(setFrontMatterField(without, 'version', 1)).toBe(without.replace('  - A\n---', '  - A\nversion: 1\n---'));
  });

  it('refuses to touch unreadable front matter', () => {
    expect(() => setFrontMatterField('pas d’en-tête', 'version', 1)).toThrow(StudioError);
    expect(() => setFrontMatterField('---\ntitre: [\n---\n', 'version', 1)).toThrow(StudioError);
  });

  it('reads a field leniently', () => {
    expect(getFrontMatterField(sheet, 'titre')).toBe('Cours');
    expect(getFrontMatterField('---\ntitre: [\n---\n', 'titre')).toBeUndefined();
  });
});

describe('slugify', () => {
  it('keeps lowercase ASCII letters, digits and single hyphens', () => {
    expect(slugify('  Écrire à l’équipe : cœur & âme !  ')).toBe('ecrire-a-l-equipe-coeur-ame');
    expect(slugify('../../etc/passwd')).toBe('etc-passwd');
    expect(slugify('¿?')).toBe('');
    expect(slugify('a'.repeat(100))).toHaveLength(60);
  });
});

describe('detectImageType', () => {
  it('trusts the first bytes, not the name', () => {
    expect(detectImageType(tinyPng)).toBe('png');
    expect(detectImageType(Buffer.from([0xff, 0xd8, 0xff, 0xe1]))).toBe('jpeg');
    expect(detectImageType(Buffer.from('GIF89a...'))).toBe('gif');
    expect(detectImageType(Buffer.from('RIFF\0\0\0\0WEBPVP8 '))).toBe('webp');
    expect(detectImageType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeUndefined();
  });
});
