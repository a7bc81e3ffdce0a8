import { fold } from '../shared/fold.ts';

const leadingSpacesAndPunctuation = /^[\s\p{P}\p{S}]*/u;
const spaceOrPunctuation = /^[\s\p{P}\p{S}]$/u;

/**
 * Folds a short answer so that case, accents, typographic apostrophes, inner spacing and surrounding
 * spaces or punctuation do not matter: « Réseaux sociaux ! » and "reseaux  sociaux" compare equal.
 */
export function normalizeAnswer(text: string): string {
  return trimSpacesAndPunctuation(
    fold(text)
      .replace(/[’‘`´]/g, "'")
      .replace(/\s+/g, ' '),
  );
}

// The leading run is one anchored match; the trailing one is read backwards, a character (code point) at a
// time. The expression `[…]+$` this replaces was retried from every position of a long run of punctuation
// inside the text, a cost that grew with the square of its length.
function trimSpacesAndPunctuation(text: string): string {
  const start = leadingSpacesAndPunctuation.exec(text)![0].length;
  let end = text.length;
  while (end > start) {
    const width = end - start >= 2 && isSurrogatePair(text, end - 2) ? 2 : 1;
    if (!spaceOrPunctuation.test(text.slice(end - width, end))) break;
    end -= width;
  }
  return text.slice(start, end);
}

function isSurrogatePair(text: string, at: number): boolean {
  const high = text.charCodeAt(at);
  const low = text.charCodeAt(at + 1);
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff;
}
