import { describe, expect, it } from 'vitest';
import { FrontMatterUnreadableError } from '../../../server/studio/errors.ts';
import { getFrontMatterField, setFrontMatterField } from '../../../server/studio/front-matter-field.ts';

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
    expect(() => setFrontMatterField('pas d’en-tête', 'version', 1)).toThrow(FrontMatterUnreadableError);
    expect(() => setFrontMatterField('---\ntitre: [\n---\n', 'version', 1)).toThrow(FrontMatterUnreadableError);
  });
});

describe('getFrontMatterField', () => {
  it('reads a field leniently', () => {
    expect(getFrontMatterField(sheet, 'titre')).toBe('Cours');
    expect(getFrontMatterField('---\ntitre: [\n---\n', 'titre')).toBeUndefined();
  });
});
