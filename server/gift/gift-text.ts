// Reading GIFT text: escapes, unescaped special characters, formats.

/** The index of the first `target` at or after `from` that is not escaped by a backslash, or -1. */
export function findUnescaped(text: string, target: string, from = 0): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === '\\') {
      i++;
      continue;
    }
    if (text.startsWith(target, i)) return i;
  }
  return -1;
}

/** `\~` → `~`, `\n` → a line break, `\\` → `\`. */
export function unescapeGift(text: string): string {
  return text.replace(/\\(.)/g, (_whole, c: string) => (c === 'n' ? '\n' : c));
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/**
 * Text in Moodle's `[html]` format, when it is only paragraphs and line breaks (what Moodle writes for
 * plain questions): the text, or undefined when other HTML is there (Passerelle writes Markdown).
 */
export function plainFromSimpleHtml(html: string): string | undefined {
  const text = html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>\s*<p>/gi, '\n')
    .replace(/<\/?p>/gi, '');
  if (/<[a-z/!]/i.test(text)) return undefined;
  return text.replace(/&(#39|[a-z]+);/gi, (whole, name: string) => entities[name.toLowerCase()] ?? whole).trim();
}
