import { fold } from '../shared/fold.ts';

const spaceOrPunctuation = /[\s\p{P}\p{S}]/u;

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

// A scan from each end, one character at a time: the regular expression `[…]+$` it replaces retried from
// every position of a long run of punctuation inside the text, a cost that grew with the square of its length.
function trimSpacesAndPunctuation(text: string): string {
  const chars = Array.from(text);
  let start = 0;
  let end = chars.length;
  while (start < end && spaceOrPunctuation.test(chars[start]!)) start++;
  while (end > start && spaceOrPunctuation.test(chars[end - 1]!)) end--;
  return chars.slice(start, end).join('');
}
