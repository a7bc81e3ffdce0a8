import type { Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';

/**
 * Strict headers that still work over plain HTTP on a laptop: no inline scripts or styles, no framing.
 * HSTS and upgrade-insecure-requests are sent only when the public address is HTTPS, otherwise they
 * would break local use. `formTargets` are the other origins a form's answer may redirect to (the identity
 * provider's, for signing out there too).
 */
export function securityHeaders(secure: boolean, formTargets: readonly string[] = []): RequestHandler {
  const headers = headersOf(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          'default-src': ["'self'"],
          'script-src': ["'self'"],
          'style-src': ["'self'"],
          'img-src': ["'self'", 'data:'],
          'font-src': ["'self'"],
          'connect-src': ["'self'"],
          'object-src': ["'none'"],
          'base-uri': ["'none'"],
          // A form's redirects are checked too: « Se déconnecter » continues at the identity provider.
          'form-action': ["'self'", ...formTargets],
          'frame-ancestors': ["'none'"],
          ...(secure ? { 'upgrade-insecure-requests': [] } : {}),
        },
      },
      strictTransportSecurity: secure ? { maxAge: 15552000 } : false,
      referrerPolicy: { policy: 'same-origin' },
      crossOriginEmbedderPolicy: false,
    }),
  );
  headers.set('Permissions-Policy', permissionsPolicyValue);
  // The same headers on every answer: helmet's eleven middlewares are run once, here, not per request.
  const entries = [...headers];
  return (_req, res, next) => {
    for (const [name, value] of entries) res.setHeader(name, value);
    next();
  };
}

/** The headers a middleware that depends on nothing in the request sets, in the order it sets them. */
function headersOf(middleware: RequestHandler): Map<string, string> {
  const headers = new Map<string, string>();
  const res = {
    setHeader: (name: string, value: string) => headers.set(name, value),
    removeHeader: (name: string) => headers.delete(name),
  };
  let done = false;
  middleware({} as Request, res as unknown as Response, () => {
    done = true;
  });
  if (!done) throw new Error('security headers: the middleware did not answer at once');
  return headers;
}

// Passerelle uses no camera, microphone, location, payment or sensor: say so, so that a course's
// content or a compromised script cannot ask the browser for them.
const deniedFeatures = [
  'accelerometer',
  'camera',
  'display-capture',
  'geolocation',
  'gyroscope',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'publickey-credentials-get',
  'usb',
];
const permissionsPolicyValue = deniedFeatures.map((feature) => `${feature}=()`).join(', ');

/**
 * Pages shown to a signed-in person may hold personal data (progress, HR lists, attestations): no
 * browser or proxy may keep a copy, so the back button after « Se déconnecter » shows nothing.
 */
export const noStoreWhenSignedIn: RequestHandler = (_req, res, next) => {
  if (res.locals.user) res.setHeader('Cache-Control', 'no-store');
  next();
};
