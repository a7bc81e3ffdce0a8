// A structure's brand colour is used for text and links on white and for a band under white text: it
// must reach the WCAG AA contrast for normal text (4.5:1) against white, or it is refused.

/** The least contrast with white a brand colour may have (WCAG 2.x, 1.4.3, normal text). */
export const minimumContrast = 4.5;

const channel = (value: number) => {
  const c = value / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
};

/** The WCAG contrast ratio of `#rrggbb` with white, from 1 (white) to 21 (black). */
export function contrastWithWhite(colour: string): number {
  const [r, g, b] = [1, 3, 5].map((at) => channel(Number.parseInt(colour.slice(at, at + 2), 16)));
  const luminance = 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  return 1.05 / (luminance + 0.05);
}

/** `#abc`, `#AABBCC` or `aabbcc` as `#aabbcc`; undefined when it is no hex colour. */
export function normalizeHexColour(typed: string): string | undefined {
  const hex = typed.trim().replace(/^#/, '').toLowerCase();
  if (/^[0-9a-f]{3}$/.test(hex)) return `#${[...hex].map((c) => c + c).join('')}`;
  return /^[0-9a-f]{6}$/.test(hex) ? `#${hex}` : undefined;
}

/**
 * The measured ratio as it is shown: two decimals, as contrast checkers print it (#777777: 4,48), except
 * that a ratio below the minimum never reads as reaching it (4.497 shows 4,49, not 4,50).
 */
export function shownRatio(ratio: number): string {
  const rounded = Math.round(ratio * 100) / 100;
  const shown = ratio < minimumContrast && rounded >= minimumContrast ? Math.floor(ratio * 100) / 100 : rounded;
  return shown.toFixed(2).replace('.', ',');
}
