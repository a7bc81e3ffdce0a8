import { hash } from 'node:crypto';

/**
 * What the store keeps of a session cookie or a one-time link: a copy of the store cannot be replayed.
 * Every signed-in request hashes its cookie: the one-shot `hash` costs a third of a Hash object's.
 */
export function hashSecret(raw: string): string {
  return hash('sha256', raw, 'base64url');
}
