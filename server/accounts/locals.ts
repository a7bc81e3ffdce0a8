import type { User } from './schema.ts';

// The signed-in person, set by loadSession for every route and view.
declare global {
  namespace Express {
    interface Locals {
      user?: Readonly<User>;
    }
  }
}
