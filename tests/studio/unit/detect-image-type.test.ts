import { describe, expect, it } from 'vitest';
import { detectImageType } from '../../../server/studio/detect-image-type.ts';
import { tinyPng } from '../studio-test-app.ts';

describe('detectImageType', () => {
  it('trusts the first bytes, not the name', () => {
    expect(detectImageType(tinyPng)).toBe('png');
    expect(detectImageType(Buffer.from([0xff, 0xd8, 0xff, 0xe1]))).toBe('jpeg');
    expect(detectImageType(Buffer.from('GIF89a...'))).toBe('gif');
    expect(detectImageType(Buffer.from('RIFF\0\0\0\0WEBPVP8 '))).toBe('webp');
    expect(detectImageType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeUndefined();
  });
});
