// The fixed parts of the page around the objectives and the facts: frame, header, title, the attestation
// sentence and the signature line.
import { formatDateFr } from '../../i18n/format-date-fr.ts';
import { translate } from '../../i18n/translate.ts';
import { fitLine, fitText, frenchSpacing, oneLine, writeText } from '../../shared/pdf/text-fitting.ts';
import { pngSize } from '../../structures/face/png-size.ts';
import type { CertificateSnapshot } from '../certificate-snapshot.ts';
import {
  ACCENT,
  type Box,
  column,
  type Doc,
  drawRule,
  FRAME_INSET,
  INK,
  LEFT,
  MUTED,
  PAGE,
  SIGNATURE_TOP,
  type Style,
  WIDTH,
} from './layout.ts';

export function drawFrame(doc: Doc): void {
  const outer = FRAME_INSET;
  doc
    .lineWidth(1.2)
    .strokeColor(ACCENT)
    .rect(outer, outer, PAGE.width - 2 * outer, PAGE.height - 2 * outer)
    .stroke();
  const inner = outer + 4;
  doc
    .lineWidth(0.4)
    .rect(inner, inner, PAGE.width - 2 * inner, PAGE.height - 2 * inner)
    .stroke();
}

/** The issuer on the left (after its logo), the certificate number on the right, a rule under both. */
export function drawHeader(doc: Doc, snapshot: CertificateSnapshot, logo?: Buffer): void {
  const top = 58;
  const rightWidth = 170;
  const logoWidth = logo ? drawLogo(doc, logo, { x: LEFT, y: top - 8, width: 110, height: 42 }) : 0;
  const left = LEFT + (logoWidth ? logoWidth + 12 : 0);
  const leftWidth = WIDTH - rightWidth - 16 - (left - LEFT);
  const name = { font: 'bold', size: 12.5, color: INK } satisfies Style;
  const nameHeight = fitText(
    doc,
    oneLine(snapshot.issuer.name),
    name,
    { x: left, y: top, width: leftWidth },
    {
      minSize: 9,
      maxLines: 2,
    },
  );
  const city = { font: 'regular', size: 9.5, color: MUTED } satisfies Style;
  fitLine(doc, oneLine(snapshot.issuer.city), city, { x: left, y: top + nameHeight + 2, width: leftWidth });
  const right = LEFT + WIDTH - rightWidth;
  const number = { font: 'regular', size: 8.5, color: MUTED } satisfies Style;
  writeText(doc, translate('certificates.pdf.number'), number, { x: right, y: top + 1, width: rightWidth }, 'right');
  const code = { font: 'mono', size: 10, color: INK } satisfies Style;
  writeText(doc, snapshot.shortCode, code, { x: right, y: top + 13, width: rightWidth }, 'right');
  drawRule(doc, 104, 0.6);
}

/**
 * The structure's PNG logo fitted in `box`, from its left; returns the width drawn (0 when pdfkit cannot
 * read it: the name alone is printed then, as without a logo).
 */
function drawLogo(doc: Doc, png: Buffer, box: Box & { height: number }): number {
  const size = pngSize(png);
  if (!size) return 0;
  const scale = Math.min(box.width / size.width, box.height / size.height);
  const [width, height] = [size.width * scale, size.height * scale];
  try {
    doc.image(png, box.x, box.y + (box.height - height) / 2, { width, height });
  } catch {
    return 0;
  }
  return width;
}

/** The title with a short rule under it; returns the rule's position. */
export function drawTitle(doc: Doc): number {
  const top = 128;
  const style = { font: 'bold', size: 21, color: ACCENT, characterSpacing: 0.3 } satisfies Style;
  const height = writeText(doc, translate('certificates.pdf.title'), style, column(top), 'center');
  const ruleY = top + height + 8;
  doc
    .lineWidth(1.5)
    .strokeColor(ACCENT)
    .moveTo(PAGE.width / 2 - 28, ruleY)
    .lineTo(PAGE.width / 2 + 28, ruleY)
    .stroke();
  return ruleY;
}

/** « X atteste que <name> a suivi l’action de formation <title> version N »; returns where it ends. */
export function drawAttestation(doc: Doc, snapshot: CertificateSnapshot, top: number): number {
  const sentence = { font: 'regular', size: 11, color: INK } satisfies Style;
  let y = top;
  const attests = translate('certificates.pdf.attests', { issuer: oneLine(snapshot.issuer.name) });
  y += fitText(doc, attests, sentence, column(y), { maxLines: 2, align: 'center' });
  y += 8;
  y += fitText(doc, oneLine(snapshot.learnerName), { font: 'bold', size: 22, color: INK }, column(y), {
    minSize: 12,
    maxLines: 2,
    align: 'center',
  });
  y += 8;
  y += writeText(doc, translate('certificates.pdf.followed'), sentence, column(y), 'center');
  y += 8;
  // No guillemets around the title: titles often contain their own « ».
  const title = { font: 'bold', size: 15, color: ACCENT, lineGap: 1 } satisfies Style;
  y += fitText(doc, frenchSpacing(oneLine(snapshot.courseTitle)), title, column(y), {
    minSize: 10.5,
    maxLines: 3,
    align: 'center',
  });
  y += 4;
  const version = translate('certificates.pdf.version', { version: snapshot.courseVersion });
  y += writeText(doc, version, { font: 'regular', size: 9.5, color: MUTED }, column(y), 'center');
  return y;
}

/** « Fait à <city>, le <date> » and « Pour <issuer> », right-aligned above the verification panel. */
export function drawSignature(doc: Doc, snapshot: CertificateSnapshot): void {
  const place = translate('certificates.pdf.place', {
    city: oneLine(snapshot.issuer.city),
    date: formatDateFr(snapshot.issuedAt),
  });
  // Two lines allowed: a long city name must not push the date out.
  const height = fitText(doc, place, { font: 'regular', size: 10.5, color: INK }, column(SIGNATURE_TOP), {
    minSize: 9,
    maxLines: 2,
    align: 'right',
  });
  const signatory = snapshot.issuer.signatory ?? snapshot.issuer.name;
  const forIssuer = translate('certificates.pdf.for', { issuer: oneLine(signatory) });
  const style = { font: 'regular', size: 9, color: MUTED } satisfies Style;
  fitLine(doc, forIssuer, style, column(SIGNATURE_TOP + height + 3), 'right');
}
