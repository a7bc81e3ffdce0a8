import { describe, expect, it } from 'vitest';
import { normalizeShortCode } from '../../../server/certificates/normalize-short-code.ts';

describe('normalizeShortCode', () => {
  it.each([
    ['PAS-7K3M-9QXZ', 'the canonical form'],
    ['pas-7k3m-9qxz', 'lowercase'],
    ['  PAS 7K3M 9QXZ  ', 'spaces instead of dashes'],
    ['PAS7K3M9QXZ', 'no dashes at all'],
    ['PAS--7K3M---9QXZ-', 'extra dashes'],
    ['P-A-S-7-K-3-M-9-Q-X-Z', 'a dash between every symbol'],
    ['7K3M-9QXZ', 'the prefix left out'],
    ['7k3m9qxz', 'the bare symbols'],
    ['PAS–7K3M—9QXZ', 'dashes from a word processor'],
    ['PAS\u00a07K3M\u202f9QXZ', 'no-break spaces pasted from a document'],
    ['ＰＡＳ－７Ｋ３Ｍ－９ＱＸＺ', 'full-width characters'],
  ])('accepts %j (%s)', (typed) => {
    expect(normalizeShortCode(typed)).toBe('PAS-7K3M-9QXZ');
  });

  it.each([
    ['PAS-7K3M-OQXZ', 'PAS-7K3M-0QXZ'],
    ['pas-ilo0-1234', 'PAS-1100-1234'],
    ['PAS-L0I0-oooo', 'PAS-1010-0000'],
  ])('reads O as 0 and I or L as 1 in %j', (typed, canonical) => {
    expect(normalizeShortCode(typed)).toBe(canonical);
  });

  it.each([
    ['', 'nothing'],
    ['   -  ', 'only separators'],
    ['PAS-7K3M-9QX', 'a symbol missing'],
    ['PAS-7K3M-9QXZZ', 'a symbol too many'],
    ['7K3M-9QX', 'seven symbols without the prefix'],
    ['PAS-7K3U-9QXZ', 'U, which Crockford base32 leaves out'],
    ['ABC-7K3M-9QXZ', 'another prefix'],
    ['PAS-7K3M-9Q#Z', 'punctuation'],
    ['PAS-7K3M-9QXÉ', 'an accented letter'],
    ['PAS-7K3M-9QXZ/extra', 'trailing text'],
    ['https://passerelle.example.org/verify/PAS-7K3M-9QXZ', 'a whole URL'],
    [`PAS-${'0'.repeat(100)}`, 'a very long input'],
  ])('rejects %j (%s)', (typed) => {
    expect(normalizeShortCode(typed)).toBeNull();
  });
});
