import type { Token } from 'marked';
import type { FontName } from './pdf-types.ts';
import { frenchSpacing } from './text-fitting.ts';

/** A piece of a line in one font: what pdfkit writes with one `text()` call. */
export interface Run {
  text: string;
  font: FontName;
}

type Emphasis = { bold: boolean; italic: boolean };

const fontOf = ({ bold, italic }: Emphasis): FontName =>
  bold ? (italic ? 'boldItalic' : 'bold') : italic ? 'italic' : 'regular';

/**
 * Marked's inline tokens as runs of text in the font their emphasis asks for. Raw HTML is left out (the
 * page shows it sanitised; a PDF has no use for tags); a link prints its text; an image prints nothing.
 */
export function inlineRuns(tokens: Token[] | undefined, emphasis: Emphasis = { bold: false, italic: false }): Run[] {
  const runs: Run[] = [];
  const push = (text: string, current: Emphasis) => {
    if (text === '') return;
    const font = fontOf(current);
    const last = runs.at(-1);
    if (last && last.font === font) last.text += text;
    else runs.push({ text, font });
  };
  const walk = (list: Token[], current: Emphasis) => {
    for (const token of list) {
      switch (token.type) {
        case 'strong':
          walk(token.tokens ?? [], { ...current, bold: true });
          break;
        case 'em':
          walk(token.tokens ?? [], { ...current, italic: true });
          break;
        case 'br':
          push('\n', current);
          break;
        case 'html':
        case 'image':
          break;
        case 'codespan':
        case 'escape':
          push(token.text, current);
          break;
        default:
          if ('tokens' in token && token.tokens) walk(token.tokens, current);
          else if ('text' in token && typeof token.text === 'string') push(token.text, current);
      }
    }
  };
  walk(tokens ?? [], emphasis);
  return runs.map((run) => ({ ...run, text: frenchSpacing(run.text.replace(/[^\S\n\u00a0\u202f]+/g, ' ')) }));
}

/** The runs' text without fonts, for measuring a cell or a line that is written in a single style. */
export function plainText(runs: Run[]): string {
  return runs.map((run) => run.text).join('');
}
