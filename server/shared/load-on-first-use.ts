import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * A library required the first time it is needed instead of at start-up, for libraries most starts never
 * use (the second factor's): each costs tens of milliseconds to load (decision 025). The library must
 * offer a CommonJS entry, so callers stay synchronous.
 */
export function loadOnFirstUse<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => {
    loaded ??= require(name) as T;
    return loaded;
  };
}
