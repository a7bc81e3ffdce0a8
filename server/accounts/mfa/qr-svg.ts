import { loadOnFirstUse } from '../../shared/load-on-first-use.ts';

const qrcode = loadOnFirstUse<typeof import('qrcode')>('qrcode');

/**
 * The QR code of an `otpauth://` address as inline SVG (no image request, nothing for the CSP to allow),
 * drawn from the modules themselves; the page gives the secret as text beside it.
 */
export function qrSvg(text: string, label: string): string {
  const { modules } = qrcode().create(text, { errorCorrectionLevel: 'M' });
  const margin = 4;
  const size = modules.size + margin * 2;
  let path = '';
  for (let y = 0; y < modules.size; y += 1)
    for (let x = 0; x < modules.size; x += 1) if (modules.get(x, y)) path += `M${x + margin} ${y + margin}h1v1h-1z`;
  const escaped = label.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" width="220" height="220" role="img" aria-label="${escaped}">` +
    `<rect width="${size}" height="${size}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`
  );
}
