import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * A library required the first time it is needed instead of at start-up, for libraries a start does not
 * need to answer its first request (the second factor's, single sign-on, badge keys, exports, YAML): each
 * costs milliseconds to tens of milliseconds of CPU to load (decision 025). Callers stay synchronous: the
 * library is required, through its CommonJS entry or, for an ES module without top-level await (jose,
 * openid-client), as Node ≥ 20.19 requires those too. Its types come from `typeof import('name')`.
 */
export function loadOnFirstUse<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => {
    loaded ??= require(name) as T;
    return loaded;
  };
}
