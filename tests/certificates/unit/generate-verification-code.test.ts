import { describe, expect, it } from 'vitest';
import {
  generateVerificationCode,
  SHORT_CODE_ALPHABET,
  SHORT_CODE_PATTERN,
} from '../../../server/certificates/generate-verification-code.ts';

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{22,}$/;

/** A random source that replays the given byte arrays, one per call, and records the sizes asked for. */
function replay(...draws: number[][]) {
  const sizes: number[] = [];
  const random = (size: number) => {
    sizes.push(size);
    return Uint8Array.from(draws.shift() ?? []);
  };
  return { random, sizes };
}

describe('generateVerificationCode', () => {
  it('gives a URL-safe token and a PAS-XXXX-XXXX short code', () => {
    const { token, shortCode } = generateVerificationCode();
    expect(token).toMatch(TOKEN_PATTERN);
    expect(encodeURIComponent(token)).toBe(token);
    expect(shortCode).toMatch(SHORT_CODE_PATTERN);
  });

  it('puts at least 128 random bits in the token', () => {
    const { token } = generateVerificationCode();
    expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(16);
  });

  it('never repeats a token over 1,000 draws', () => {
    const tokens = new Set(Array.from({ length: 1000 }, () => generateVerificationCode().token));
    expect(tokens.size).toBe(1000);
  });

  it('writes short codes with the 32 Crockford symbols only, never I, L, O or U', () => {
    const symbols = new Set(
      Array.from({ length: 1000 }, () => generateVerificationCode().shortCode.slice(4).replace('-', ''))
        .join('')
        .split(''),
    );
    expect([...symbols].sort().join('')).toBe(SHORT_CODE_ALPHABET);
    for (const letter of 'ILOU') expect(symbols.has(letter)).toBe(false);
  });

  it('draws the token and the short code from separate random bytes', () => {
    const { random, sizes } = replay(Array(16).fill(0xff), [0, 0, 0, 0, 0]);
    const { token, shortCode } = generateVerificationCode(random);
    expect(sizes).toEqual([16, 5]);
    expect(token).toBe('_____________________w');
    expect(shortCode).toBe('PAS-0000-0000');
  });

  it('maps the 40 random bits to the symbols most significant bits first', () => {
    const first = replay(Array(16).fill(0), [0x00, 0x44, 0x32, 0x14, 0xc7]);
    expect(generateVerificationCode(first.random).shortCode).toBe('PAS-0123-4567');
    const last = replay(Array(16).fill(0), [0xc6, 0x75, 0xbe, 0x77, 0xdf]);
    expect(generateVerificationCode(last.random).shortCode).toBe('PAS-RSTV-WXYZ');
  });

  it('refuses a random source that returns fewer bytes than asked', () => {
    const { random } = replay([1, 2, 3]);
    expect(() => generateVerificationCode(random)).toThrow(RangeError);
  });
});
