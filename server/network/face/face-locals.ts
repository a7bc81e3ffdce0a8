import type { RequestHandler } from 'express';
import { allowInline } from '../../http/allow-inline.ts';
import type { FaceCache } from '../../structures/face/face-cache.ts';
import type { Face } from '../../structures/face/resolve-face.ts';
import { logoUrl } from './logo-url.ts';

declare global {
  namespace Express {
    interface Locals {
      /** The face of the signed-in person's structure (the root's for visitors): the header's name and logo. */
      face?: Face;
      /** Where the header's logo is served, when the face has one. */
      faceLogoUrl?: string;
      /** The one inline style of the page: the brand colour as CSS custom properties (decision 023). */
      brandStyle?: string;
    }
  }
}

/**
 * Sets the face for the page's header. The brand colour replaces the accent (links, buttons) and draws
 * the header's band; it is one inline `<style>` the CSP lets in by its hash, so no request is added.
 */
export function faceLocals(faces: FaceCache): RequestHandler {
  return async (_req, res, next) => {
    const face = await faces.faceOf(res.locals.user?.structure);
    res.locals.face = face;
    if (face.logo) res.locals.faceLogoUrl = logoUrl(face.logo);
    if (face.colour) {
      const css = `:root{--accent:${face.colour};--band:${face.colour}}`;
      res.locals.brandStyle = css;
      allowInline(res, 'style-src', css);
    }
    next();
  };
}
