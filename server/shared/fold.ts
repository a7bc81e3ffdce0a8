/** Removes accents and case: « Élodie » and "elodie" compare equal. Every accent-insensitive comparison uses it. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
