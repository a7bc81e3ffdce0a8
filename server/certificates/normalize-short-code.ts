import { SHORT_CODE_PATTERN } from './generate-verification-code.ts';

// Spaces of any kind, hyphens, dashes and minus signs pasted from word processors, dots and underscores.
const SEPARATORS = /[\s\-_.\u2010-\u2015\u2212]/g;
// Crockford's decoding rules: letters that look like digits are read as those digits.
const LOOKALIKES: Record<string, string> = { O: '0', I: '1', L: '1' };

/**
 * Turns what a person types from a printed certificate into `PAS-XXXX-XXXX`, or null.
 * Accepts any case, spaces, missing or extra dashes, a missing `PAS` prefix, and O/I/L for 0/1.
 */
export function normalizeShortCode(input: string): string | null {
  if (input.length > 64) return null;
  const compact = input.normalize('NFKC').replace(SEPARATORS, '').toUpperCase();
  const symbols = compact.length === 11 && compact.startsWith('PAS') ? compact.slice(3) : compact;
  if (symbols.length !== 8) return null;
  const fixed = symbols.replace(/[OIL]/g, (letter) => LOOKALIKES[letter] ?? letter);
  const candidate = `PAS-${fixed.slice(0, 4)}-${fixed.slice(4)}`;
  return SHORT_CODE_PATTERN.test(candidate) ? candidate : null;
}
