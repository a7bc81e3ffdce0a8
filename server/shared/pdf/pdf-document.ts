import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { Doc, FontName } from './pdf-types.ts';

const require = createRequire(import.meta.url);
// DejaVu covers French typography (accents, « », œ, ’, €); the standard PDF fonts don't. pdfkit embeds a
// subset of a registered font only once text uses it, so registering all of them costs a document nothing.
const FONT_FILES: Record<FontName, string> = {
  regular: 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
  bold: 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
  mono: 'dejavu-fonts-ttf/ttf/DejaVuSansMono.ttf',
  italic: 'dejavu-fonts-ttf/ttf/DejaVuSans-Oblique.ttf',
  boldItalic: 'dejavu-fonts-ttf/ttf/DejaVuSans-BoldOblique.ttf',
};
let fontData: Record<FontName, Buffer> | undefined;

export interface PdfInfo {
  title: string;
  author: string;
  subject: string;
  keywords?: string;
  /** Creation and modification date (now when not given): with it fixed, the same content gives the same bytes. */
  date?: Date;
}

export type Margins = { top: number; bottom: number; left: number; right: number };

/**
 * An A4 document in French with the fonts registered. Without margins each renderer places its text itself;
 * with them, text flows from line to line and onto a new page past the bottom margin.
 */
export function createPdfDocument(info: PdfInfo, margins?: Margins): Doc {
  const doc = new PDFDocument({
    size: 'A4',
    ...(margins ? { margins } : { margin: 0 }),
    lang: 'fr-FR',
    displayTitle: true,
    info: {
      Title: info.title,
      Author: info.author,
      Subject: info.subject,
      ...(info.keywords === undefined ? {} : { Keywords: info.keywords }),
      Creator: 'Passerelle',
      Producer: 'Passerelle (PDFKit)',
      CreationDate: info.date ?? new Date(),
      ModDate: info.date ?? new Date(),
    },
  });
  fontData ??= Object.fromEntries(
    Object.entries(FONT_FILES).map(([name, file]) => [name, readFileSync(require.resolve(file))]),
  ) as Record<FontName, Buffer>;
  for (const [name, data] of Object.entries(fontData)) doc.registerFont(name, data);
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
