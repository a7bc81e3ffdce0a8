import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { CsrfError } from './http-error.ts';

/**
 * Under HTTPS a cookie is named `__Host-…`: browsers then accept it only from this host, over HTTPS,
 * with `Path=/` and no `Domain`, so a sibling subdomain cannot plant it. Every cookie of the app is
 * named through this.
 */
export const cookieName = (name: string, secure: boolean) => (secure ? `__Host-${name}` : name);

export interface CsrfOptions {
  /**
   * Multipart requests that a route parses itself (uploads): their body is not parsed yet, so the route
   * must call `verifyCsrfToken` with the `_csrf` field before acting. Opt-in per route, so a multipart
   * post to any other route is still refused.
   */
  deferMultipart?: (req: Request) => boolean;
}

/**
 * Signed double-submit tokens: the token is an HMAC of the session (or, before sign-in, of a random
 * cookie) under a server secret. Nothing is stored per form, and a token from one session is worthless
 * in another. Every unsafe method must carry it in the `_csrf` field (or `x-csrf-token` header).
 */
export function csrfProtection(secret: string, secure: boolean, options: CsrfOptions = {}): RequestHandler {
  const sign = (binding: string) => createHmac('sha256', secret).update(binding).digest('base64url');
  // A session's token never changes: it is signed once, not on every page (the HMAC showed in profiles).
  const sessionTokens = new Map<string, string>();
  const sessionToken = (sessionId: string) => {
    let token = sessionTokens.get(sessionId);
    if (token === undefined) {
      if (sessionTokens.size >= 10_000) sessionTokens.clear();
      token = sign(sessionId);
      sessionTokens.set(sessionId, token);
    }
    return token;
  };
  const anonCookie = cookieName('pas_csrf', secure);
  return (req, res, next) => {
    let binding: string | undefined = res.locals.sessionId;
    if (!binding) {
      binding = readCookie(req.headers.cookie, anonCookie);
      if (!binding || binding.length < 20) {
        binding = randomBytes(18).toString('base64url');
        res.cookie(anonCookie, binding, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
      }
    }
    const expected = binding === res.locals.sessionId ? sessionToken(binding) : sign(binding);
    res.locals.csrfToken = expected;
    if (['GET', 'HEAD', 'OPTIONS'].includes(req.method)) return next();
    if (options.deferMultipart?.(req) && req.is('multipart/form-data')) return next();
    const sent = (req.body as Record<string, unknown> | undefined)?._csrf ?? req.headers['x-csrf-token'];
    if (verifyCsrfToken(res, sent)) return next();
    next(csrfError());
  };
}

/** Checks a token sent by the client against the one `csrfProtection` computed for this request. */
export function verifyCsrfToken(res: Response, sent: unknown): boolean {
  const expected = res.locals.csrfToken;
  return (
    typeof expected === 'string' &&
    typeof sent === 'string' &&
    sent.length === expected.length &&
    timingSafeEqual(Buffer.from(sent), Buffer.from(expected))
  );
}

/** The 403 a route answers when `verifyCsrfToken` fails (same page as the global check). */
export function csrfError(): CsrfError {
  return new CsrfError('CSRF token missing or invalid');
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeCookieValue(part.slice(eq + 1).trim());
  }
  return undefined;
}

/** A cookie value with a malformed `%` escape (hand-edited, or another site's) counts as absent. */
function decodeCookieValue(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}
