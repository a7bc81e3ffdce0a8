import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The signed token of a reminder's « ne plus recevoir » link: the person's id and an HMAC of it under a
 * key derived from the installation's secret. No sign-in needed, nothing stored, and nobody can make one
 * for someone else. It only ever turns reminders off (or on again), so it does not expire.
 */
export function unsubscribeKey(installationSecret: string): Buffer {
  return createHmac('sha256', installationSecret).update('passerelle:unsubscribe:v1').digest();
}

const mac = (key: Buffer, userId: string) => createHmac('sha256', key).update(userId).digest('base64url').slice(0, 32);

export function unsubscribeToken(key: Buffer, userId: string): string {
  return `${Buffer.from(userId).toString('base64url')}.${mac(key, userId)}`;
}

/** The person's id, or undefined when the token was not made with this key. */
export function readUnsubscribeToken(key: Buffer, token: string): string | undefined {
  const [encoded, sent] = token.split('.');
  if (!encoded || !sent || !/^[\w-]+$/.test(encoded)) return undefined;
  const userId = Buffer.from(encoded, 'base64url').toString('utf8');
  const expected = mac(key, userId);
  if (sent.length !== expected.length || !timingSafeEqual(Buffer.from(sent), Buffer.from(expected))) return undefined;
  return userId;
}
