import { fold } from '../shared/fold.ts';

/**
 * Folds a short answer so that case, accents, typographic apostrophes, inner spacing and surrounding
 * spaces or punctuation do not matter: « Réseaux sociaux ! » and "reseaux  sociaux" compare equal.
 */
export function normalizeAnswer(text: string): string {
  return fold(text)
    .replace(/[’‘`´]/g, "'")
    .replace(/\s+/g, ' ')
    .replace(/^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu, '');
}
