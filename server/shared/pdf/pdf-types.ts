// What every PDF of Passerelle is drawn with: pdfkit's document, the embedded fonts, type styles and boxes.

export type Doc = PDFKit.PDFDocument;
export type FontName = 'regular' | 'bold' | 'mono' | 'italic' | 'boldItalic';
export type Align = 'left' | 'center' | 'right';
export type Style = { font: FontName; size: number; color: string; lineGap?: number; characterSpacing?: number };
/** Where a run of text goes: its top-left corner and the width it may take. */
export type Box = { x: number; y: number; width: number };

/** A4 portrait, in points. */
export const PAGE = { width: 595.28, height: 841.89 };
