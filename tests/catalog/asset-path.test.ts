import { describe, expect, it } from 'vitest';
import { assetPath, lookUpAsset } from '../../server/catalog/asset-path.ts';

describe('assetPath', () => {
  it('decodes % escapes and drops a leading ./', () => {
    expect(assetPath('./images/un%20atelier.png')).toBe('images/un atelier.png');
    expect(assetPath('fichiers/../fichiers/fiche.txt')).toBe('fichiers/fiche.txt');
  });

  it('gives nothing for a malformed % escape instead of throwing', () => {
    expect(assetPath('%ZZ.pdf')).toBeUndefined();
    expect(assetPath('%E0%A4.png')).toBeUndefined();
  });
});

describe('lookUpAsset', () => {
  it('tells a course file, a missing one and a malformed reference apart', () => {
    const assets = new Set(['fichiers/fiche.txt']);
    expect(lookUpAsset('fichiers/fiche.txt', assets)).toBe('found');
    expect(lookUpAsset('fichiers/absente.txt', assets)).toBe('missing');
    expect(lookUpAsset('fichiers/%ZZ.txt', assets)).toBe('malformed');
  });
});
