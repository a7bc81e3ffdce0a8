import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { formatDateFr } from '../i18n/format-date-fr.ts';
import { formatDurationFr } from '../i18n/format-duration-fr.ts';
import { CertificateSnapshot } from './certificate-snapshot.ts';

type Doc = PDFKit.PDFDocument;
type FontName = 'regular' | 'bold' | 'mono';
type Align = 'left' | 'center' | 'right';
type Style = { font: FontName; size: number; color: string; lineGap?: number; characterSpacing?: number };

const require = createRequire(import.meta.url);
// DejaVu covers French typography (accents, « », œ, ’, €); the standard PDF fonts don't.
const FONT_FILES: Record<FontName, string> = {
  regular: 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
  bold: 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
  mono: 'dejavu-fonts-ttf/ttf/DejaVuSansMono.ttf',
};
let fontData: Record<FontName, Buffer> | undefined;

// A4 in points. Everything is placed at absolute positions with a bounded height,
// so a long name or many objectives shrink or get cut, never spill onto a second page.
const PAGE = { width: 595.28, height: 841.89 };
const LEFT = 62;
const WIDTH = PAGE.width - 2 * LEFT;
const FRAME_INSET = 28;
const PANEL = { top: 682, height: 108, padding: 12, qrSize: 84 };
const SIGNATURE_TOP = PANEL.top - 56;
const SECTIONS_BOTTOM = SIGNATURE_TOP - 18;
const SECTION_HEADING_HEIGHT = 22;
const SECTION_GAP = 16;

const INK = '#1f2933';
const MUTED = '#5b6670';
const ACCENT = '#1f4e79';
const RULE = '#c3ccd5';

const FACT_LABEL = { font: 'regular', size: 10, color: MUTED } satisfies Style;
const FACT_VALUE = { font: 'bold', size: 10, color: INK } satisfies Style;
const FACT_LINE_HEIGHT = 16;
const FACT_COLUMN_GAP = 16;

const BULLET_INDENT = 14;
const OBJECTIVE_GAP = 3;
const OBJECTIVE_COLUMN_GAP = 16;
type ObjectivesLayout = { size: number; maxLines: number; columns: 1 | 2 };
// Tried in order until the list fits: smaller text, then two columns of short objectives,
// then one line per objective (cut with "…"), and last a shorter list.
const OBJECTIVE_LAYOUTS: ObjectivesLayout[] = [
  ...[10.5, 10, 9.5, 9].map((size) => ({ size, maxLines: 2, columns: 1 as const })),
  ...[10, 9.5, 9, 8.5].map((size) => ({ size, maxLines: 1, columns: 2 as const })),
  { size: 8.5, maxLines: 2, columns: 1 },
  ...[9, 8.5].map((size) => ({ size, maxLines: 1, columns: 1 as const })),
];

/** Renders the one-page "Attestation de fin de formation"; the same snapshot always gives the same bytes. */
export async function renderCertificatePdf(cert: CertificateSnapshot, opts: { verifyUrl: string }): Promise<Buffer> {
  const snapshot = CertificateSnapshot.parse(cert);
  const { verifyUrl } = opts;
  // Printed, linked and encoded in the QR code as given: it must be a web address a phone can open.
  if (!/^https?:$/.test(URL.parse(verifyUrl)?.protocol ?? '')) {
    throw new TypeError(`verifyUrl must be an absolute http(s) URL, got ${verifyUrl}`);
  }
  const doc = createDocument(snapshot);
  let pages = 1;
  doc.on('pageAdded', () => {
    pages += 1;
  });
  const pdf = collect(doc);

  drawFrame(doc);
  drawHeader(doc, snapshot);
  let y = drawTitle(doc);
  y = drawAttestation(doc, snapshot, y + 26) + 24;
  const facts = factColumns(snapshot);
  const factsHeight = SECTION_HEADING_HEIGHT + Math.max(...facts.map((column) => column.length)) * FACT_LINE_HEIGHT;
  const objectivesSpace = SECTIONS_BOTTOM - factsHeight - SECTION_GAP - y;
  const objectives = planObjectives(doc, snapshot.objectives, objectivesSpace);
  // Share some of the space left over between the sections instead of leaving it all above the signature.
  const extra = Math.max(0, Math.min((objectivesSpace - (objectives?.height ?? 0)) / 3, 16));
  y = drawObjectives(doc, objectives, y + extra);
  drawFacts(doc, facts, y + SECTION_GAP + extra);
  drawSignature(doc, snapshot);
  drawVerificationPanel(doc, snapshot, verifyUrl);
  doc.end();

  const bytes = await pdf;
  // The layout is meant to make this impossible; refuse to hand out a broken certificate.
  if (pages !== 1) throw new Error(`certificate ${snapshot.shortCode} took ${pages} pages instead of one`);
  return bytes;
}

function createDocument(snapshot: CertificateSnapshot): Doc {
  // The creation date and the document ID (pdfkit hashes `info`) come from the snapshot only.
  const issuedAt = new Date(snapshot.issuedAt);
  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    lang: 'fr-FR',
    displayTitle: true,
    info: {
      Title: `Attestation de fin de formation — ${oneLine(snapshot.learnerName)}`,
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

function collect(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

function drawFrame(doc: Doc): void {
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

function drawHeader(doc: Doc, snapshot: CertificateSnapshot): void {
  const top = 58;
  const rightWidth = 170;
  const leftWidth = WIDTH - rightWidth - 16;
  const name = { font: 'bold', size: 12.5, color: INK } satisfies Style;
  const nameHeight = fitText(doc, oneLine(snapshot.issuer.name), name, LEFT, top, leftWidth, {
    minSize: 9,
    maxLines: 2,
  });
  const city = { font: 'regular', size: 9.5, color: MUTED } satisfies Style;
  fitLine(doc, oneLine(snapshot.issuer.city), city, LEFT, top + nameHeight + 2, leftWidth);
  const right = LEFT + WIDTH - rightWidth;
  writeText(doc, 'Attestation n°', { font: 'regular', size: 8.5, color: MUTED }, right, top + 1, rightWidth, 'right');
  writeText(doc, snapshot.shortCode, { font: 'mono', size: 10, color: INK }, right, top + 13, rightWidth, 'right');
  doc
    .lineWidth(0.6)
    .strokeColor(RULE)
    .moveTo(LEFT, 104)
    .lineTo(LEFT + WIDTH, 104)
    .stroke();
}

function drawTitle(doc: Doc): number {
  const top = 128;
  const style = { font: 'bold', size: 21, color: ACCENT, characterSpacing: 0.3 } satisfies Style;
  const height = writeText(doc, 'Attestation de fin de formation', style, LEFT, top, WIDTH, 'center');
  const ruleY = top + height + 8;
  doc
    .lineWidth(1.5)
    .strokeColor(ACCENT)
    .moveTo(PAGE.width / 2 - 28, ruleY)
    .lineTo(PAGE.width / 2 + 28, ruleY)
    .stroke();
  return ruleY;
}

function drawAttestation(doc: Doc, snapshot: CertificateSnapshot, top: number): number {
  const sentence = { font: 'regular', size: 11, color: INK } satisfies Style;
  let y = top;
  y += fitText(doc, `${oneLine(snapshot.issuer.name)} atteste que`, sentence, LEFT, y, WIDTH, {
    maxLines: 2,
    align: 'center',
  });
  y += 8;
  y += fitText(doc, oneLine(snapshot.learnerName), { font: 'bold', size: 22, color: INK }, LEFT, y, WIDTH, {
    minSize: 12,
    maxLines: 2,
    align: 'center',
  });
  y += 8;
  y += writeText(doc, 'a suivi l’action de formation', sentence, LEFT, y, WIDTH, 'center');
  y += 8;
  // No guillemets around the title: titles often contain their own « ».
  const title = { font: 'bold', size: 15, color: ACCENT, lineGap: 1 } satisfies Style;
  y += fitText(doc, frenchSpacing(oneLine(snapshot.courseTitle)), title, LEFT, y, WIDTH, {
    minSize: 10.5,
    maxLines: 3,
    align: 'center',
  });
  y += 4;
  const version = `version ${snapshot.courseVersion}`;
  y += writeText(doc, version, { font: 'regular', size: 9.5, color: MUTED }, LEFT, y, WIDTH, 'center');
  return y;
}

function drawSectionHeading(doc: Doc, text: string, top: number): number {
  const style = { font: 'bold', size: 9, color: ACCENT, characterSpacing: 0.8 } satisfies Style;
  writeText(doc, text.toUpperCase(), style, LEFT, top, WIDTH);
  doc
    .lineWidth(0.5)
    .strokeColor(RULE)
    .moveTo(LEFT, top + 14)
    .lineTo(LEFT + WIDTH, top + 14)
    .stroke();
  return SECTION_HEADING_HEIGHT;
}

type ObjectivesPlan = {
  items: string[];
  style: Style;
  layout: ObjectivesLayout;
  /** Height of each row, gap included. */
  rows: number[];
  shown: number;
  /** Height of the whole section, heading included. */
  height: number;
};

/** Picks the first layout of OBJECTIVE_LAYOUTS in which the objectives fit in `available` points. */
function planObjectives(doc: Doc, objectives: string[], available: number): ObjectivesPlan | null {
  if (objectives.length === 0) return null;
  const items = objectives.map((objective) => frenchSpacing(oneLine(objective)));
  const room = available - SECTION_HEADING_HEIGHT;
  const plan = (layout: ObjectivesLayout) => {
    const style = { font: 'regular', size: layout.size, color: INK, lineGap: 1 } satisfies Style;
    const line = lineHeight(doc, style);
    const width = objectiveWidth(layout.columns);
    const natural = items.map((item) => heightOf(doc, item, style, width));
    // Two columns only for objectives that each fit on one line: a cut objective reads worse than a small one.
    if (layout.columns === 2 && natural.some((height) => height > line + 0.01)) return null;
    const heights = natural.map((height) => Math.min(height, layout.maxLines * line));
    const rows = layout.columns === 1 ? heights : Array.from({ length: Math.ceil(items.length / 2) }, () => line);
    return { items, style, layout, rows: rows.map((height) => height + OBJECTIVE_GAP), line };
  };
  let last = plan(OBJECTIVE_LAYOUTS[0]!)!;
  for (const layout of OBJECTIVE_LAYOUTS) {
    const candidate = plan(layout);
    if (!candidate) continue;
    last = candidate;
    if (sum(candidate.rows) <= room) {
      return { ...candidate, shown: items.length, height: SECTION_HEADING_HEIGHT + sum(candidate.rows) };
    }
  }
  // Nothing fits: cut the list, keeping room for the line that says how many objectives were left out.
  let shown = 0;
  let used = last.line + OBJECTIVE_GAP;
  while (shown < items.length && used + last.rows[shown]! <= room) used += last.rows[shown++]!;
  return { ...last, shown, height: SECTION_HEADING_HEIGHT + used };
}

function objectiveWidth(columns: 1 | 2): number {
  return (WIDTH - (columns - 1) * OBJECTIVE_COLUMN_GAP) / columns - BULLET_INDENT;
}

function drawObjectives(doc: Doc, plan: ObjectivesPlan | null, top: number): number {
  if (!plan) return top;
  const { items, style, layout, rows, shown } = plan;
  const y = top + drawSectionHeading(doc, 'Objectifs de la formation', top);
  const width = objectiveWidth(layout.columns);
  // Column by column, so that the list reads down then across.
  const perColumn = Math.ceil(shown / layout.columns);
  for (let i = 0; i < shown; i++) {
    const column = Math.floor(i / perColumn);
    const row = i % perColumn;
    const x = LEFT + column * (width + BULLET_INDENT + OBJECTIVE_COLUMN_GAP);
    const itemTop = y + sum(rows.slice(0, row));
    writeText(doc, '•', { ...style, color: ACCENT }, x + 3, itemTop, BULLET_INDENT);
    fitText(doc, items[i]!, style, x + BULLET_INDENT, itemTop, width, { maxLines: layout.maxLines });
  }
  let bottom = y + sum(rows.slice(0, perColumn));
  const hidden = items.length - shown;
  if (hidden > 0) {
    const more = hidden === 1 ? '… et 1 autre objectif' : `… et ${hidden} autres objectifs`;
    bottom += writeText(doc, more, { ...style, color: MUTED }, LEFT + BULLET_INDENT, bottom, width) + OBJECTIVE_GAP;
  }
  return bottom;
}

type Fact = { label: string; value: string };

/** Two columns: what the course is, then when and how it ended. */
function factColumns(snapshot: CertificateSnapshot): [Fact[], Fact[]] {
  const passed = snapshot.score >= snapshot.passMark;
  return [
    [
      { label: 'Modalité', value: 'à distance (e-learning)' },
      { label: 'Durée déclarée', value: formatDurationFr(snapshot.declaredMinutes) },
      { label: 'Temps mesuré', value: formatDurationFr(snapshot.measuredMinutes) },
    ],
    [
      ...(snapshot.startedAt ? [{ label: 'Date de début', value: formatDateFr(snapshot.startedAt) }] : []),
      { label: 'Date d’achèvement', value: formatDateFr(snapshot.completedAt) },
      { label: passed ? 'Évaluation finale réussie' : 'Évaluation finale', value: `${snapshot.score} %` },
      { label: 'Seuil de réussite', value: `${snapshot.passMark} %` },
    ],
  ];
}

function drawFacts(doc: Doc, columns: Fact[][], top: number): void {
  const y = top + drawSectionHeading(doc, 'Déroulement et résultat', top);
  const width = (WIDTH - FACT_COLUMN_GAP) / 2;
  columns.forEach((facts, index) => {
    const x = LEFT + index * (width + FACT_COLUMN_GAP);
    facts.forEach(({ label, value }, row) => {
      // One run of text, so that copying or extracting it reads "Durée déclarée : 1 h 15".
      applyStyle(doc, FACT_LABEL);
      doc.text(`${label} : `, x, y + row * FACT_LINE_HEIGHT, { width, continued: true, lineBreak: false });
      applyStyle(doc, FACT_VALUE);
      doc.text(value, { lineBreak: false });
    });
  });
}

function drawSignature(doc: Doc, snapshot: CertificateSnapshot): void {
  const place = `Fait à ${oneLine(snapshot.issuer.city)}, le ${formatDateFr(snapshot.issuedAt)}`;
  // Two lines allowed: a long city name must not push the date out.
  const height = fitText(doc, place, { font: 'regular', size: 10.5, color: INK }, LEFT, SIGNATURE_TOP, WIDTH, {
    minSize: 9,
    maxLines: 2,
    align: 'right',
  });
  const forIssuer = `Pour ${oneLine(snapshot.issuer.name)}`;
  const style = { font: 'regular', size: 9, color: MUTED } satisfies Style;
  fitLine(doc, forIssuer, style, LEFT, SIGNATURE_TOP + height + 3, WIDTH, 'right');
}

function drawVerificationPanel(doc: Doc, snapshot: CertificateSnapshot, verifyUrl: string): void {
  const { top, height, padding, qrSize } = PANEL;
  doc.lineWidth(0.6).strokeColor(RULE).roundedRect(LEFT, top, WIDTH, height, 4).stroke();
  const qrTop = top + (height - qrSize) / 2;
  drawQrCode(doc, verifyUrl, LEFT + padding, qrTop, qrSize);

  const x = LEFT + padding + qrSize + 16;
  const width = LEFT + WIDTH - padding - x;
  let y = top + padding;
  const heading = { font: 'bold', size: 9.5, color: INK } satisfies Style;
  y += writeText(doc, 'Vérifier l’authenticité de cette attestation', heading, x, y, width);
  y += 2;
  const help =
    'Document délivré électroniquement. Pour le vérifier, scannez le code QR ' +
    'ou saisissez ce code de vérification à l’adresse indiquée :';
  y += fitText(doc, help, { font: 'regular', size: 8, color: MUTED }, x, y, width, { maxLines: 2 });
  y += 5;
  y += writeText(doc, snapshot.shortCode, { font: 'mono', size: 14, color: INK, characterSpacing: 0.5 }, x, y, width);
  y += 3;
  const urlWidth = fitLine(doc, verifyUrl, { font: 'mono', size: 8, color: ACCENT }, x, y, width, 'left', 6);
  doc.link(x, y, urlWidth, 10, verifyUrl);
  const hash = `Empreinte du contenu : ${oneLine(snapshot.contentHash)}`;
  fitLine(doc, hash, { font: 'mono', size: 6.5, color: MUTED }, x, top + height - padding - 8, width, 'left', 5);
}

/** Vector QR code: dark modules of a row are merged into runs and filled as one path (no hairline seams). */
function drawQrCode(doc: Doc, text: string, x: number, y: number, size: number): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const cell = size / modules.size;
  for (let row = 0; row < modules.size; row++) {
    let col = 0;
    while (col < modules.size) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < modules.size && modules.get(row, col)) col++;
      doc.rect(x + start * cell, y + row * cell, (col - start) * cell, cell);
    }
  }
  doc.fillColor('#000000').fill();
}

function applyStyle(doc: Doc, style: Style): void {
  doc.font(style.font).fontSize(style.size).fillColor(style.color);
}

function lineHeight(doc: Doc, style: Style): number {
  applyStyle(doc, style);
  return doc.currentLineHeight(true) + (style.lineGap ?? 0);
}

function heightOf(doc: Doc, text: string, style: Style, width: number): number {
  applyStyle(doc, style);
  return doc.heightOfString(text, {
    width,
    lineGap: style.lineGap ?? 0,
    characterSpacing: style.characterSpacing,
  });
}

/** Writes text that is known to be short; returns its height. */
function writeText(doc: Doc, text: string, style: Style, x: number, y: number, width: number, align: Align = 'left') {
  const height = heightOf(doc, text, style, width);
  applyStyle(doc, style);
  doc.text(text, x, y, {
    width,
    align,
    lineGap: style.lineGap ?? 0,
    characterSpacing: style.characterSpacing,
  });
  return height;
}

/**
 * Writes text of any length in at most `maxLines` lines: shrinks it down to `minSize`,
 * then cuts it with "…". Returns the height used.
 */
function fitText(
  doc: Doc,
  text: string,
  style: Style,
  x: number,
  y: number,
  width: number,
  fit: { minSize?: number; maxLines: number; align?: Align },
): number {
  let fitted = style;
  for (let size = style.size; size >= (fit.minSize ?? style.size); size -= 0.5) {
    fitted = { ...style, size };
    if (heightOf(doc, text, fitted, width) <= fit.maxLines * lineHeight(doc, fitted) + 0.01) break;
  }
  const maxHeight = fit.maxLines * lineHeight(doc, fitted);
  const height = Math.min(heightOf(doc, text, fitted, width), maxHeight);
  applyStyle(doc, fitted);
  doc.text(text, x, y, {
    width,
    height: maxHeight,
    ellipsis: '…',
    align: fit.align ?? 'left',
    lineGap: fitted.lineGap ?? 0,
    characterSpacing: fitted.characterSpacing,
  });
  return height;
}

/** Writes one line, shrinking it down to `minSize` and then cutting it with "…"; returns its width. */
function fitLine(
  doc: Doc,
  text: string,
  style: Style,
  x: number,
  y: number,
  width: number,
  align: Align = 'left',
  minSize = style.size,
): number {
  let size = style.size;
  applyStyle(doc, style);
  while (size > minSize && doc.widthOfString(text) > width) {
    size = Math.max(minSize, size - 0.5);
    doc.fontSize(size);
  }
  let line = text;
  // Cut by characters: hashes and URLs have no spaces to break at.
  while (line.length > 1 && doc.widthOfString(line) > width) line = `${line.slice(0, -2)}…`;
  doc.text(line, x, y, { width, align, lineBreak: false });
  return Math.min(width, doc.widthOfString(line));
}

/** Collapses line breaks and runs of spaces, but keeps the no-break spaces an author typed on purpose. */
function oneLine(text: string): string {
  return text.replace(/[^\S\u00a0\u202f]+/g, ' ').trim();
}

/** French typography: no line break inside « », before : ; ! ? or before a unit sign. */
function frenchSpacing(text: string): string {
  return text.replace(/ ([:;!?»%€])/g, '\u00a0$1').replace(/« /g, '«\u00a0');
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
