/**
 * Text kept as UTF-8 bytes until it is needed. A module's Markdown is held from start-up until its page is
 * first rendered, and V8 stores a string with one character past Latin-1 (’, œ, the narrow no-break space
 * of French typography) at two bytes per character: UTF-8 takes about half of that for French text
 * (decision 016).
 */
export function utf8Text(text: string): () => string {
  const bytes = Buffer.from(text, 'utf8');
  return () => bytes.toString('utf8');
}
