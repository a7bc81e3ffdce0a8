import { CST, Lexer } from 'yaml';

export interface RefusedYaml {
  /** Offset in the YAML text. */
  offset: number;
  message: string;
}

/** Token kinds trainers never need, each named by the character that starts it. */
const refused: Partial<Record<string, string>> = {
  'explicit-key-ind': '?',
  anchor: '&',
  alias: '*',
  tag: '!',
  'directive-line': '%',
};
const maxFlowDepth = 2;

/**
 * Finds YAML the front matter must not use, reading the tokens once before the document is built: explicit
 * keys nested in each other make the conversion to data grow exponentially, aliases can multiply the data
 * (and make it throw), deeply nested brackets make the parser slow. Offsets follow the YAML parser's own
 * count (a plain scalar is announced by a marker of no length).
 */
export function findRefusedYaml(yaml: string): RefusedYaml | undefined {
  let offset = 0;
  let afterScalarMarker = false;
  let depth = 0;
  for (const token of new Lexer().lex(yaml)) {
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
    const char = type && refused[type];
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
