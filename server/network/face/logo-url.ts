import type { LogoRef } from '../../structures/schema.ts';

/** A logo's address names its content: it never changes, so browsers keep it for good. */
export const logoUrl = (logo: LogoRef) => `/logos/${logo.hash}.${logo.type}`;
