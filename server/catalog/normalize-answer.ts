/**
 * Folds a short answer so that case, accents, typographic apostrophes, inner spacing and surrounding
 * spaces or punctuation do not matter: « Réseaux sociaux ! » and "reseaux  sociaux" compare equal.
 */
export function normalizeAnswer(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[’‘`´]/g, "'")
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu, '');
}
