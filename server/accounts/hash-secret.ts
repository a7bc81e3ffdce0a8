import { createHash } from 'node:crypto';

/** What the store keeps of a session cookie or a one-time link: a copy of the store cannot be replayed. */
export function hashSecret(raw: string): string {
  return createHash('sha256').update(raw).digest('base64url');
}
