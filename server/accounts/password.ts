import { hash, verify } from '@node-rs/argon2';
import { ConcurrencyLimit } from '../shared/concurrency-limit.ts';

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
  return hashing.run(() => hash(password, options));
}

/** A valid hash to compare against when the account does not exist, so timing does not reveal it. */
const dummyHash = hash('passerelle-dummy-password', options);

export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  try {
    const against = storedHash ?? (await dummyHash);
    return await hashing.run(() => verify(against, password));
  } catch {
    return false;
  }
}
