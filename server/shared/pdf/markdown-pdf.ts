// A4 pages from Markdown: headings, paragraphs with bold and italics, lists (numbered, bulleted, check
// boxes, nested), quotes, rules and tables, flowing down the page. Used for documents an author writes and
// a reader prints, such as a course's job aid; the certificate, whose layout is fixed, is drawn elsewhere.
import { Marked, type Token, type Tokens } from 'marked';
import { ensureRoom, FLOW, type Flow } from './flow.ts';
import { inlineRuns, type Run } from './inline-runs.ts';
import { collectPdf, createPdfDocument, type PdfInfo } from './pdf-document.ts';
import { drawTable } from './pdf-table.ts';
import { type Doc, PAGE, type Style } from './pdf-types.ts';
import { applyStyle, lineHeight, oneLine } from './text-fitting.ts';

export interface MarkdownPdf {
  bytes: Buffer;
  /** More than the author meant when the text overflows: callers that promise one page check it. */
  pages: number;
}

/** Renders `markdown` under `heading` (the document's title, printed first) into a PDF. */
/**
 * Renders `markdown` under `heading` (the document's title, printed first) into a PDF. With `maxPages`,
 * layout stops at the first block that starts past that page: a check that only needs to know whether the
 * text fits pays for that many pages, however long the text (the bytes are then incomplete).
 */
export async function renderMarkdownPdf(
  markdown: string,
  info: PdfInfo & { heading: string; footer?: string; maxPages?: number },
): Promise<MarkdownPdf> {
  const doc = createPdfDocument(info, FLOW.margins);
  let pages = 1;
  doc.on('pageAdded', () => {
    pages += 1;
  });
  const bytes = collectPdf(doc);
  if (info.footer) drawFooter(doc, info.footer);
  const flow: Flow = { doc, y: FLOW.margins.top };
  writeRuns(flow, [{ text: oneLine(info.heading), font: 'bold' }], FLOW.title, FLOW.left, FLOW.width);
  flow.y += FLOW.gap;
  const tokens = new Marked({ gfm: true }).lexer(markdown);
  for (const token of tokens) {
    if (info.maxPages !== undefined && pages > info.maxPages) break;
    drawBlock(flow, token, FLOW.left, FLOW.width);
  }
  doc.end();
  return { bytes: await bytes, pages };
}

function drawBlocks(flow: Flow, tokens: Token[], x: number, width: number): void {
  for (const token of tokens) drawBlock(flow, token, x, width);
}

function drawBlock(flow: Flow, token: Token, x: number, width: number): void {
  switch (token.type) {
    case 'heading': {
      const style = FLOW.headings[Math.min(Math.max(token.depth, 2), 4) as 2 | 3 | 4];
      // A heading is never left alone at the foot of a page: room for it and a line of what follows.
      ensureRoom(flow, lineHeight(flow.doc, style) + lineHeight(flow.doc, FLOW.body) + FLOW.gap);
      flow.y += FLOW.gap / 2;
      writeRuns(flow, inlineRuns(token.tokens, { bold: true, italic: false }), style, x, width);
      flow.y += FLOW.gap / 2;
      return;
    }
    case 'paragraph':
    case 'text':
      writeRuns(flow, inlineRuns('tokens' in token && token.tokens ? token.tokens : [token]), FLOW.body, x, width);
      flow.y += FLOW.gap;
      return;
    case 'list':
      drawList(flow, token as Tokens.List, x, width);
      flow.y += FLOW.gap;
      return;
    case 'table':
      flow.y = drawTable(flow, token as Tokens.Table, x, width);
      flow.y += FLOW.gap;
      return;
    case 'blockquote':
      drawQuote(flow, token as Tokens.Blockquote, x, width);
      return;
    case 'hr':
      ensureRoom(flow, FLOW.gap * 2);
      flow.doc
        .lineWidth(0.5)
        .strokeColor(FLOW.rule)
        .moveTo(x, flow.y)
        .lineTo(x + width, flow.y)
        .stroke();
      flow.y += FLOW.gap;
      return;
    case 'code':
      writeRuns(flow, [{ text: token.text, font: 'mono' }], { ...FLOW.body, font: 'mono' }, x, width);
      flow.y += FLOW.gap;
      return;
    default:
    // Blank lines, raw HTML and link definitions print nothing.
  }
}

function drawList(flow: Flow, list: Tokens.List, x: number, width: number, depth = 0): void {
  const indent = list.ordered ? FLOW.numberIndent : FLOW.bulletIndent;
  list.items.forEach((item, index) => {
    const marker = item.task
      ? item.checked
        ? '☑'
        : '☐'
      : list.ordered
        ? `${Number(list.start || 1) + index}.`
        : depth === 0
          ? '•'
          : '–';
    ensureRoom(flow, lineHeight(flow.doc, FLOW.body));
    const top = flow.y;
    applyStyle(flow.doc, { ...FLOW.body, color: FLOW.accent });
    flow.doc.text(marker, x, top, { width: indent, lineBreak: false });
    for (const [i, child] of item.tokens.entries()) {
      if (child.type === 'list') drawList(flow, child as Tokens.List, x + indent, width - indent, depth + 1);
      else if (child.type === 'checkbox') continue;
      else {
        if (i > 0 && child.type !== 'space') flow.y += FLOW.gap / 2;
        writeRuns(
          flow,
          inlineRuns('tokens' in child && child.tokens ? child.tokens : [child]),
          FLOW.body,
          x + indent,
          width - indent,
        );
      }
    }
    flow.y += FLOW.itemGap;
  });
}

function drawQuote(flow: Flow, quote: Tokens.Blockquote, x: number, width: number): void {
  const top = flow.y;
  drawBlocks(flow, quote.tokens, x + FLOW.quoteIndent, width - FLOW.quoteIndent);
  // The bar marks the quote on the page it starts on; a quote broken across pages is an overflow anyway.
  const bottom = flow.y > top ? flow.y - FLOW.gap : top;
  flow.doc
    .lineWidth(2)
    .strokeColor(FLOW.rule)
    .moveTo(x + 2, top)
    .lineTo(x + 2, bottom)
    .stroke();
}

/** Writes runs of text as one paragraph from the flow's position; pdfkit breaks lines and pages. */
function writeRuns(flow: Flow, runs: Run[], style: Style, x: number, width: number): void {
  const { doc } = flow;
  const shown = runs.filter((run) => run.text.trim() !== '' || run.text.includes('\n'));
  if (shown.length === 0) return;
  ensureRoom(flow, lineHeight(doc, style));
  shown.forEach((run, i) => {
    applyStyle(doc, { ...style, font: run.font });
    const options = { width, lineGap: style.lineGap ?? 0, continued: i < shown.length - 1 };
    if (i === 0) doc.text(run.text, x, flow.y, options);
    else doc.text(run.text, options);
  });
  flow.y = doc.y;
}

/** A muted line under the bottom margin; bounded in height so that pdfkit never starts a page for it. */
function drawFooter(doc: Doc, footer: string): void {
  applyStyle(doc, FLOW.footer);
  const y = PAGE.height - FLOW.margins.bottom + 14;
  doc.text(oneLine(footer), FLOW.left, y, { width: FLOW.width, height: 12, lineBreak: false, ellipsis: '…' });
}
