import { BrandColourTooLightError } from '../errors.ts';
import { contrastWithWhite, minimumContrast, shownRatio } from './brand-colour.ts';

/** Refuses a colour (`#rrggbb`) that text on white would not be readable in, saying its measured ratio. */
export function checkBrandColour(colour: string): string {
  const ratio = contrastWithWhite(colour);
  if (ratio < minimumContrast) throw new BrandColourTooLightError(shownRatio(ratio));
  return colour;
}
