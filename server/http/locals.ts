import type { Translate } from '../i18n/translate.ts';

// What the HTTP layer puts on requests and in res.locals, typed once for every route and view.
// Domains add their own (the signed-in user: accounts/locals.ts).
declare global {
  namespace Express {
    interface Request {
      /** Set by requestId: ties a request's log lines together. */
      id: string;
    }
    interface Locals {
      t: Translate;
      sessionId?: string;
      csrfToken?: string;
      cspNonce?: string;
    }
  }
}
