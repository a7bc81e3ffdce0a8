import { translate } from '../../i18n/translate.ts';
import { fitLine, fitText, oneLine, writeText } from '../../shared/pdf/text-fitting.ts';
import type { CertificateSnapshot } from '../certificate-snapshot.ts';
import { ACCENT, type Doc, INK, LEFT, MUTED, PANEL, RULE, type Style, WIDTH } from './layout.ts';
import { drawQrCode } from './qr-code.ts';

/** The boxed panel at the bottom: QR code, how to verify, the short code, the address, the content hash. */
export function drawVerificationPanel(doc: Doc, snapshot: CertificateSnapshot, verifyUrl: string): void {
  const { top, height, padding, qrSize } = PANEL;
  doc.lineWidth(0.6).strokeColor(RULE).roundedRect(LEFT, top, WIDTH, height, 4).stroke();
  const qrTop = top + (height - qrSize) / 2;
  drawQrCode(doc, verifyUrl, LEFT + padding, qrTop, qrSize);

  const x = LEFT + padding + qrSize + 16;
  const width = LEFT + WIDTH - padding - x;
  let y = top + padding;
  const heading = { font: 'bold', size: 9.5, color: INK } satisfies Style;
  y += writeText(doc, translate('certificates.pdf.verifyHeading'), heading, { x, y, width });
  y += 2;
  const help = { font: 'regular', size: 8, color: MUTED } satisfies Style;
  y += fitText(doc, translate('certificates.pdf.verifyHelp'), help, { x, y, width }, { maxLines: 2 });
  y += 5;
  const code = { font: 'mono', size: 14, color: INK, characterSpacing: 0.5 } satisfies Style;
  y += writeText(doc, snapshot.shortCode, code, { x, y, width });
  y += 3;
  const urlWidth = fitLine(doc, verifyUrl, { font: 'mono', size: 8, color: ACCENT }, { x, y, width }, 'left', 6);
  doc.link(x, y, urlWidth, 10, verifyUrl);
  const hash = translate('certificates.pdf.contentHash', { hash: oneLine(snapshot.contentHash) });
  const hashBox = { x, y: top + height - padding - 8, width };
  fitLine(doc, hash, { font: 'mono', size: 6.5, color: MUTED }, hashBox, 'left', 5);
}
