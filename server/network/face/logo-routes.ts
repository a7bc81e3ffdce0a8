import { type RequestHandler, Router } from 'express';
import { NotFoundError } from '../../shared/errors.ts';
import type { AppStore } from '../../store/app-collections.ts';

const contentTypes = { png: 'image/png', svg: 'image/svg+xml' } as const;

// Whoever opens an SVG logo's URL directly gets a document that may run nothing, load nothing and
// submit nothing; inline styles only, which sanitised logos keep as attributes.
const svgPolicy = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

/** GET /logos/<hash>.<png|svg>: the structures' logos, public (they show on the sign-in page too). */
export function logoRoutes(store: Pick<AppStore, 'get'>): Router {
  return Router().get('/logos/:file', sendLogo(store));
}

function sendLogo(store: Pick<AppStore, 'get'>): RequestHandler {
  return async (req, res) => {
    const match = /^([0-9a-f]{64})\.(png|svg)$/.exec(String(req.params.file));
    const logo = match ? await store.get('structureLogos', match[1]!) : undefined;
    if (!match || !logo || logo.type !== match[2]) throw new NotFoundError('no such logo');
    res.setHeader('Content-Type', contentTypes[logo.type]);
    res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    if (logo.type === 'svg') res.setHeader('Content-Security-Policy', svgPolicy);
    res.send(Buffer.from(logo.data, 'base64'));
  };
}
