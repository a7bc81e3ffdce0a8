import type { Document } from 'yaml';
import { loadOnFirstUse } from '../shared/load-on-first-use.ts';

/**
 * Needed only when a course is checked: a start whose courses all come from the catalog cache does not
 * load it (decision 025).
 */
export const yaml = loadOnFirstUse<typeof import('yaml')>('yaml');

export type PlainYaml =
  | {
      document: Document.Parsed;
      /** The 1-based line, in the YAML text, of an offset. */
      lineAt: (offset: number) => number;
    }
  | { refused: { line: number; message: string } };

/** Token kinds front matter never needs, each named by the character that starts it. */
const refusedTokens: Partial<Record<string, string>> = {
  'explicit-key-ind': '?',
  anchor: '&',
  alias: '*',
  tag: '!',
  'directive-line': '%',
};
const maxFlowDepth = 2;

/**
 * Parses front matter as `parseDocument(yaml, { uniqueKeys: true })` does, reading the tokens once and
 * refusing first what front matter never needs and what makes YAML's cost explode: explicit keys nested in
 * each other make the conversion to data grow exponentially, aliases multiply the data (and make it throw),
 * deeply nested brackets make the parser slow.
 */
export function parsePlainYaml(text: string): PlainYaml {
  const { Composer, Lexer, LineCounter, Parser, YAMLParseError } = yaml();
  const tokens = [...new Lexer().lex(text)];
  const refused = findRefusedToken(tokens);
  if (refused) return { refused: { line: text.slice(0, refused.offset).split('\n').length, message: refused.message } };
  const lineCounter = new LineCounter();
  const parser = new Parser(lineCounter.addNewLine);
  function* cst() {
    lineCounter.addNewLine(0);
    for (const token of tokens) yield* parser.next(token);
    yield* parser.end();
  }
  let document: Document.Parsed | undefined;
  for (const next of new Composer({ uniqueKeys: true, prettyErrors: false }).compose(cst(), true, text.length)) {
    if (!document) document = next;
    else {
      document.errors.push(
        new YAMLParseError(next.range.slice(0, 2) as [number, number], 'MULTIPLE_DOCS', 'several documents'),
      );
      break;
    }
  }
  return { document: document!, lineAt: (offset) => lineCounter.linePos(offset).line };
}

// Offsets follow the parser's own count: a plain scalar is announced by a marker of no length.
function findRefusedToken(tokens: string[]): { offset: number; message: string } | undefined {
  let offset = 0;
  let afterScalarMarker = false;
  let depth = 0;
  const { CST } = yaml();
  for (const token of tokens) {
    if (afterScalarMarker) {
      afterScalarMarker = false;
      offset += token.length;
      continue;
    }
    const type = CST.tokenType(token);
    if (type === 'scalar') {
      afterScalarMarker = true;
      continue;
    }
    if (type === 'doc-mode' || type === 'flow-error-end') continue;
    const char = type && refusedTokens[type];
    if (char) return { offset, message: `un texte qui commence par « ${char} » doit être écrit entre guillemets.` };
    if (type === 'flow-map-start' || type === 'flow-seq-start') depth++;
    if (type === 'flow-map-end' || type === 'flow-seq-end') depth--;
    if (depth > maxFlowDepth)
      return {
        offset,
        message: `crochets [ ] ou accolades { } imbriqués sur plus de ${maxFlowDepth} niveaux ; écrivez plutôt une liste, une ligne « - … » par élément.`,
      };
    offset += token.length;
  }
  return undefined;
}
