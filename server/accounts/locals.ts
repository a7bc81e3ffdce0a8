import type { Session, User } from './schema.ts';

// The signed-in person, set by loadSession for every route and view.
declare global {
  namespace Express {
    interface Locals {
      user?: Readonly<User>;
      /** How the signed-in person signed in (sign-out goes back to the identity provider after `oidc`). */
      sessionMethod?: NonNullable<Session['method']>;
    }
  }
}
