import type { Translate } from '../i18n/translate.ts';
import type { User } from '../store/schema.ts';

// What middleware puts in res.locals, typed once for every route and view.
declare global {
  namespace Express {
    interface Locals {
      t: Translate;
      user?: Readonly<User>;
      sessionId?: string;
      csrfToken?: string;
      cspNonce?: string;
    }
  }
}
