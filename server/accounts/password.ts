import { ConcurrencyLimit } from '../shared/concurrency-limit.ts';
import { loadOnFirstUse } from '../shared/load-on-first-use.ts';

// Loaded at the first sign-in or new password, not at start-up (decision 025).
const argon2 = loadOnFirstUse<typeof import('@node-rs/argon2')>('@node-rs/argon2');

// OWASP's minimum for argon2id: 19 MiB, 2 passes, 1 lane. Hashing runs on libuv's thread pool, off the event loop.
const options = {
  algorithm: 2 /* Algorithm.Argon2id (a const enum, not importable under verbatimModuleSyntax) */,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
} as const;

/**
 * Each hash holds its 19 MiB while it runs, on one of libuv's 4 threads: a morning rush of sign-ins took
 * 76 MiB at once. Two at a time halve that; on the small servers this runs on (2 cores) they are as many
 * as can compute at once anyway, and the other threads stay free for the store's file writes.
 */
const hashing = new ConcurrencyLimit(2);

export function hashPassword(password: string): Promise<string> {
  return hashing.run(() => argon2().hash(password, options));
}

let dummy: Promise<string> | undefined;

/**
 * A valid hash to compare against when the account does not exist, so timing does not reveal it. Made at
 * the first check rather than at start-up (a whole hash: 19 MiB and tens of milliseconds of CPU), and
 * awaited by every check, so the first one takes as long whether the account exists or not.
 */
function dummyHash(): Promise<string> {
  dummy ??= argon2()
    .hash('passerelle-dummy-password', options)
    .catch((error: unknown) => {
      dummy = undefined; // that check fails closed; the next one makes it again
      throw error;
    });
  return dummy;
}

export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  try {
    const fallback = await dummyHash();
    const against = storedHash ?? fallback;
    return await hashing.run(() => argon2().verify(against, password));
  } catch {
    return false;
  }
}
