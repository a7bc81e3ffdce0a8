// One slugify for the server (server/shared/slugify.ts re-exports it) and the studio's browser script,
// so the address a trainer sees suggested is the one the server would make.

/**
 * Lowercase ASCII letters, digits and single hyphens: « Écrire à l'équipe ! » → `ecrire-a-l-equipe`.
 * @param {string} text
 * @param {number} [maxLength]
 * @returns {string}
 */
export function slugify(text, maxLength = 60) {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/, '');
}
