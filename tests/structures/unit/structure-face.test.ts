import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../server/shared/errors.ts';
import { BrandColourTooLightError } from '../../../server/structures/errors.ts';
import { contrastWithWhite, normalizeHexColour, shownRatio } from '../../../server/structures/face/brand-colour.ts';
import { checkBrandColour } from '../../../server/structures/face/check-brand-colour.ts';
import { checkLogo } from '../../../server/structures/face/check-logo.ts';
import { FaceCache } from '../../../server/structures/face/face-cache.ts';
import { faceOf } from '../../../server/structures/face/face-of.ts';
import { type FacedStructure, resolveFace } from '../../../server/structures/face/resolve-face.ts';
import { sanitizeSvg } from '../../../server/structures/face/sanitize-svg.ts';
import { addStructure } from '../../../server/structures/use-cases/add-structure.ts';
import { changeStructureFace } from '../../../server/structures/use-cases/change-structure-face.ts';
import { importStructureTree } from '../../../server/structures/use-cases/import-structure-tree.ts';
import { renameStructure } from '../../../server/structures/use-cases/rename-structure.ts';
import { openUseCaseStore } from '../../accounts/unit/use-case-store.ts';
import { png } from '../png-logo.ts';

const defaults = { name: 'Passerelle', city: 'Lyon' };

describe('brand colour contrast with white', () => {
  it('measures the known WCAG pairs', () => {
    expect(contrastWithWhite('#767676')).toBeCloseTo(4.54, 2);
    expect(contrastWithWhite('#777777')).toBeCloseTo(4.48, 2);
    expect(contrastWithWhite('#000000')).toBeCloseTo(21, 5);
    expect(contrastWithWhite('#ffffff')).toBeCloseTo(1, 5);
  });

  it('accepts 4.54:1 and refuses 4.48:1 with the measured ratio', () => {
    expect(checkBrandColour('#767676')).toBe('#767676');
    const refused = (() => {
      try {
        checkBrandColour('#777777');
      } catch (error) {
        return error;
      }
    })();
    expect(refused).toBeInstanceOf(BrandColourTooLightError);
    expect((refused as BrandColourTooLightError).ratio).toBe('4,48');
  });

  it('reads #abc, upper case and a missing #, and cuts rather than rounds the ratio shown', () => {
    expect(normalizeHexColour(' #1F4E9A ')).toBe('#1f4e9a');
    expect(normalizeHexColour('abc')).toBe('#aabbcc');
    expect(normalizeHexColour('#12345g')).toBeUndefined();
    expect(normalizeHexColour('bleu')).toBeUndefined();
    expect(shownRatio(4.497)).toBe('4,49');
  });
});

describe('inheritance of the face along the path to the root', () => {
  const service: FacedStructure = { code: 'accueil', name: 'Service accueil' };
  const association: FacedStructure = {
    code: 'rennes',
    name: 'Asso Rennes',
    face: { logo: { hash: 'a'.repeat(64), type: 'png' }, signatoryPlace: 'Rennes' },
  };
  const federation: FacedStructure = {
    code: 'bzh',
    name: 'Fédération Bretagne',
    face: { colour: '#1f4e9a', signatoryName: 'La présidente de la fédération' },
  };
  const root: FacedStructure = { code: 'reseau', name: 'Réseau' };

  it('takes each part from the nearest structure that sets it, the name from the nearest with a face', () => {
    expect(resolveFace([service, association, federation, root], defaults)).toEqual({
      code: 'rennes',
      name: 'Asso Rennes',
      logo: { hash: 'a'.repeat(64), type: 'png' },
      colour: '#1f4e9a',
      signatory: { place: 'Rennes', name: 'La présidente de la fédération' },
    });
  });

  it('signs for the face’s name and at ORG_CITY when nobody set a signatory', () => {
    const face = resolveFace([{ ...association, face: { colour: '#000000' } }, root], defaults);
    expect(face.signatory).toEqual({ place: 'Lyon', name: 'Asso Rennes' });
  });

  it('gives the installation’s face (ORG_NAME, ORG_CITY) when no structure on the path has one', () => {
    const expected = { code: 'reseau', name: 'Passerelle', signatory: { place: 'Lyon', name: 'Passerelle' } };
    expect(resolveFace([service, root], defaults)).toEqual(expected);
    // The root row may not be stored yet: a path without it is the same.
    expect(resolveFace([service], defaults)).toEqual(expected);
    // A face set on the root keeps ORG_NAME as the name shown.
    expect(resolveFace([service, { ...root, face: { colour: '#000000' } }], defaults).name).toBe('Passerelle');
  });
});

describe('uploaded logos', () => {
  it('keeps a PNG of sane dimensions as it is, whatever it is called', () => {
    const bytes = png(120, 40);
    expect(checkLogo(bytes)).toEqual({ type: 'png', bytes });
  });

  it('refuses absurd dimensions, a truncated PNG, too many bytes and what is no image', () => {
    const reason = (bytes: Buffer) => {
      try {
        checkLogo(bytes);
      } catch (error) {
        expect(error).toBeInstanceOf(DomainError);
        return (error as DomainError).messageKey;
      }
    };
    expect(reason(png(2001, 10))).toBe('structures.face.logoSize');
    expect(reason(png(120, 40).subarray(0, 20))).toBe('structures.face.logoUnreadable');
    expect(reason(Buffer.alloc(200 * 1024 + 1, 0x20))).toBe('structures.face.logoTooLarge');
    expect(reason(Buffer.from('GIF89a……'))).toBe('structures.face.logoType');
    expect(reason(Buffer.from('<html><body>pas un logo</body></html>'))).toBe('structures.face.logoType');
    expect(reason(Buffer.alloc(0))).toBe('structures.face.logoMissing');
  });

  it('cleans an SVG of scripts, event attributes, style sheets and references out of the file', () => {
    const svg = sanitizeSvg(`<?xml version="1.0"?>
<!DOCTYPE svg [<!ENTITY boom "BOOM">]>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10" onload="alert(1)">
<script>alert(2)</script>
<style>rect { fill: url(https://ailleurs.example/x.png) }</style>
<defs><linearGradient id="g"><stop offset="0" stop-color="#1f4e9a"/></linearGradient></defs>
<rect width="10" height="10" fill="url(#g)" style="stroke-width:2;background:url(https://ailleurs.example/p)"/>
<image href="https://ailleurs.example/pixel.png" width="1" height="1"/>
<use xlink:href="https://ailleurs.example/a.svg#x"/><use href="#g"/>
<a href="javascript:alert(3)"><text x="1" y="2">Asso &boom;</text></a>
<foreignObject><div>html</div></foreignObject>
<circle cx="1" cy="1" r="1" fill="url(https://ailleurs.example/f)" onclick="steal()"/>
</svg>`)!;
    expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 10 10"/);
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
    for (const gone of [
      'script',
      'alert',
      'onload',
      'onclick',
      'style>',
      'ailleurs',
      'javascript',
      'image',
      'div',
      'BOOM',
    ])
      expect(svg).not.toContain(gone);
    expect(svg).toContain('fill="url(#g)"');
    expect(svg).toContain('<use href="#g"></use>');
    expect(svg).toContain('<stop offset="0" stop-color="#1f4e9a"></stop>');
    expect(svg).toContain('<text x="1" y="2">Asso &amp;boom;</text>');
    expect(checkLogo(Buffer.from(svg)).type).toBe('svg');
  });
});

describe('the face through the tree’s other changes', () => {
  it('survives a rename and a CSV import that renames the structure', async () => {
    const s = await openUseCaseStore();
    try {
      const now = s.clock();
      await addStructure(s.store, { code: 'bzh', name: 'Bretagne', parent: 'reseau' }, null, now);
      await changeStructureFace(s.store, { code: 'bzh', colour: '#1f4e9a', signatoryPlace: 'Rennes' }, null, now);
      await renameStructure(s.store, { code: 'bzh', name: 'Fédération Bretagne' }, null, now);
      await importStructureTree(s.store, 'code;nom;parent\nbzh;Fédération de Bretagne;', null, now);
      const face = await faceOf(s.store, 'bzh', defaults);
      expect(face).toEqual({
        code: 'bzh',
        name: 'Fédération de Bretagne',
        colour: '#1f4e9a',
        signatory: { place: 'Rennes', name: 'Fédération de Bretagne' },
      });
    } finally {
      await s.close();
    }
  });
});

describe('the faces kept in memory', () => {
  it('follow a change written by another instance within a second, when the tree’s revision is read again', async () => {
    const s = await openUseCaseStore();
    try {
      const now = s.clock();
      await addStructure(s.store, { code: 'bzh', name: 'Bretagne', parent: 'reseau' }, null, now);
      await addStructure(s.store, { code: 'rennes', name: 'Rennes', parent: 'bzh' }, null, now);
      await changeStructureFace(s.store, { code: 'bzh', colour: '#1f4e9a' }, null, now);
      let clock = 0;
      // Nothing tells this cache about the next write: it stands for another instance's.
      const faces = new FaceCache(s.store, defaults, undefined, () => clock);
      expect((await faces.faceOf('rennes')).colour).toBe('#1f4e9a');

      await changeStructureFace(s.store, { code: 'bzh', colour: '#7a2e8c' }, null, now);
      clock += 500;
      expect((await faces.faceOf('rennes')).colour).toBe('#1f4e9a');
      clock += 600;
      expect((await faces.faceOf('rennes')).colour).toBe('#7a2e8c');

      await renameStructure(s.store, { code: 'bzh', name: 'Fédération Bretagne' }, null, now);
      clock += 1_100;
      expect((await faces.faceOf('rennes')).name).toBe('Fédération Bretagne');
    } finally {
      await s.close();
    }
  });
});
