import jsQRModule from 'jsqr';
import type { PNG } from 'pngjs';

// jsqr is CommonJS built from an ES default export: under nodenext the function is `.default`.
const jsQR = jsQRModule.default;

/**
 * Finds and decodes a QR code in a rendered page. jsQR may miss a small code on a full
 * page of text, so overlapping windows of half and three-quarter page size are tried too.
 */
export function decodeQrCode(image: PNG): string | null {
  const { width, height } = image;
  const windows = [{ x: 0, y: 0, w: width, h: height }];
  for (const fraction of [0.5, 0.75]) {
    const w = Math.round(width * fraction);
    const h = Math.round(height * fraction);
    for (let y = 0; y + h <= height; y += Math.round(h / 2)) {
      for (let x = 0; x + w <= width; x += Math.round(w / 2)) windows.push({ x, y, w, h });
      windows.push({ x: width - w, y, w, h });
    }
    windows.push({ x: 0, y: height - h, w, h }, { x: width - w, y: height - h, w, h });
  }
  for (const { x, y, w, h } of windows) {
    const found = jsQR(crop(image, x, y, w, h), w, h, { inversionAttempts: 'dontInvert' });
    if (found) return found.data;
  }
  return null;
}

function crop(image: PNG, x: number, y: number, w: number, h: number): Uint8ClampedArray {
  const pixels = new Uint8ClampedArray(w * h * 4);
  for (let row = 0; row < h; row++) {
    const start = ((y + row) * image.width + x) * 4;
    pixels.set(image.data.subarray(start, start + w * 4), row * w * 4);
  }
  return pixels;
}
