// Time-based one-time passwords (RFC 6238, what authenticator apps compute) through otplib: 6 digits,
// 30-second steps, SHA-1, as every app understands. Recovery codes are random, shown once, kept hashed.
import { randomInt } from 'node:crypto';
import { loadOnFirstUse } from '../../shared/load-on-first-use.ts';
import { hashSecret } from '../hash-secret.ts';

const otplib = loadOnFirstUse<typeof import('otplib')>('otplib');

export const recoveryCodeCount = 10;

export function newTotpSecret(): string {
  return otplib().generateSecret();
}

/** The `otpauth://` address an app reads from the QR code. */
export function otpauthUri(secret: string, issuer: string, account: string): string {
  return otplib().generateURI({ issuer, label: account, secret });
}

/** The secret in groups of four, easier to type into an app by hand. */
export const groupedSecret = (secret: string) => secret.replace(/(.{4})(?=.)/g, '$1 ');

/**
 * The time step of a valid code, or undefined. One step either way is accepted (a phone's clock a little
 * off, a code typed as it changed); a step at or before `afterStep` (the last code used) never is.
 */
export function acceptedStep(secret: string, code: string, now: Date, afterStep: number | null): number | undefined {
  const token = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(token)) return undefined;
  const result = otplib().verifySync({
    secret,
    token,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: 30,
    ...(afterStep === null ? {} : { afterTimeStep: afterStep }),
  });
  // A TOTP result carries its time step (the HOTP variant of the union does not).
  return result.valid && 'timeStep' in result ? result.timeStep : undefined;
}

// Letters and digits that cannot be mistaken for one another when read from paper.
const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Ten codes like `k7m2q-x9hpa` (about 49 bits each) and the hashes to keep. */
export function newRecoveryCodes(): { codes: string[]; hashes: string[] } {
  const codes = Array.from({ length: recoveryCodeCount }, () => {
    const chars = Array.from({ length: 10 }, () => alphabet[randomInt(alphabet.length)]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
  return { codes, hashes: codes.map(recoveryCodeHash) };
}

/** Case, spaces and the dash do not matter when a recovery code is typed. */
export function recoveryCodeHash(code: string): string {
  return hashSecret(`recovery:${code.toLowerCase().replace(/[\s-]/g, '')}`);
}

export const looksLikeRecoveryCode = (code: string) => /^[a-z0-9]{10}$/i.test(code.replace(/[\s-]/g, ''));
