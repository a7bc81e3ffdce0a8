import type { Session, User } from './schema.ts';

// The signed-in person, set by loadSession for every route and view.
declare global {
  namespace Express {
    interface Locals {
      user?: Readonly<User>;
      /** Every role the signed-in person holds somewhere: their own and each granted one. */
      roles?: ReadonlySet<string>;
      /** The roles they hold on the whole network: their own, and those granted on the root. */
      networkRoles?: ReadonlySet<string>;
      /** How the signed-in person signed in (sign-out goes back to the identity provider after `oidc`). */
      sessionMethod?: NonNullable<Session['method']>;
    }
  }
}
