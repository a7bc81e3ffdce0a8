// What an uploaded logo must be: a PNG (by its first bytes, whatever its name says) of sane dimensions,
// or an SVG, sanitised. Anything else is refused with the reason.
import { LogoRefusedError, LogoTooLargeError } from '../errors.ts';
import type { LogoRef } from '../schema.ts';
import { isPng, pngSize } from './png-size.ts';
import { sanitizeSvg } from './sanitize-svg.ts';

/** Logos are shown on every page and kept in the store (in memory with the embedded one): small. */
export const maxLogoBytes = 200 * 1024;
/** Wider or taller is no logo, and would cost much to decode for the attestation's PDF. */
export const maxLogoSide = 2000;

export interface CheckedLogo {
  type: LogoRef['type'];
  bytes: Buffer;
}

export function checkLogo(bytes: Buffer): CheckedLogo {
  if (bytes.length === 0) throw new LogoRefusedError('structures.face.logoMissing');
  if (bytes.length > maxLogoBytes) throw new LogoTooLargeError(maxLogoBytes / 1024);
  if (isPng(bytes)) return { type: 'png', bytes: checkPng(bytes) };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new LogoRefusedError('structures.face.logoType');
  }
  if (!/<svg[\s>]/.test(text)) throw new LogoRefusedError('structures.face.logoType');
  const svg = sanitizeSvg(text);
  if (!svg) throw new LogoRefusedError('structures.face.logoType');
  return { type: 'svg', bytes: Buffer.from(svg, 'utf8') };
}

/** Width and height each between 1 and maxLogoSide. */
function checkPng(bytes: Buffer): Buffer {
  const size = pngSize(bytes);
  if (!size) throw new LogoRefusedError('structures.face.logoUnreadable');
  const { width, height } = size;
  if (width < 1 || height < 1 || width > maxLogoSide || height > maxLogoSide)
    throw new LogoRefusedError('structures.face.logoSize', { width, height, max: maxLogoSide });
  return bytes;
}
