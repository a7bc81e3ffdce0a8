import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { translate } from '../../i18n/translate.ts';
import type { CertificateSnapshot } from '../certificate-snapshot.ts';
import type { Doc, FontName } from './layout.ts';
import { oneLine } from './text-fitting.ts';

const require = createRequire(import.meta.url);
// DejaVu covers French typography (accents, « », œ, ’, €); the standard PDF fonts don't.
const FONT_FILES: Record<FontName, string> = {
  regular: 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
  bold: 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
  mono: 'dejavu-fonts-ttf/ttf/DejaVuSansMono.ttf',
};
let fontData: Record<FontName, Buffer> | undefined;

/** An A4 document with the fonts registered, dated and described from the snapshot only. */
export function certificateDocument(snapshot: CertificateSnapshot): Doc {
  // The creation date and the document ID (pdfkit hashes `info`) come from the snapshot only.
  const issuedAt = new Date(snapshot.issuedAt);
  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    lang: 'fr-FR',
    displayTitle: true,
    info: {
      Title: translate('certificates.pdf.documentTitle', { name: oneLine(snapshot.learnerName) }),
      Author: oneLine(snapshot.issuer.name),
      Subject: oneLine(snapshot.courseTitle),
      Keywords: snapshot.shortCode,
      Creator: 'Passerelle',
      Producer: 'Passerelle (PDFKit)',
      CreationDate: issuedAt,
      ModDate: issuedAt,
    },
  });
  fontData ??= {
    regular: readFileSync(require.resolve(FONT_FILES.regular)),
    bold: readFileSync(require.resolve(FONT_FILES.bold)),
    mono: readFileSync(require.resolve(FONT_FILES.mono)),
  };
  for (const name of ['regular', 'bold', 'mono'] as const) doc.registerFont(name, fontData[name]);
  return doc;
}

/** The bytes of the document once it ends. */
export function collectPdf(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}
