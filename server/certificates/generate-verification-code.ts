import crypto from 'node:crypto';

/** Crockford base32: no I, L, O, U, so a code read from paper is not mistyped (see normalizeShortCode). */
export const SHORT_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Canonical printed form: `PAS-XXXX-XXXX`, 8 symbols of 5 bits = 40 bits. */
export const SHORT_CODE_PATTERN = /^PAS-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

export type RandomBytes = (size: number) => Uint8Array;

export type VerificationCode = {
  /** 128 random bits in base64url (22 characters): the secret part of `/verify/<token>`. */
  token: string;
  /** `PAS-XXXX-XXXX`, typed by a person from a printed certificate. */
  shortCode: string;
};

const TOKEN_BYTES = 16;
const SHORT_CODE_BYTES = 5;

/**
 * Draws a verification token and a short code from independent random bytes.
 *
 * The short code has only 40 bits: it is not guaranteed unique. The caller stores it
 * under a unique constraint and calls this again on collision; the verify page must
 * be rate limited, since 40 bits can be enumerated by a patient attacker.
 */
export function generateVerificationCode(random: RandomBytes = crypto.randomBytes): VerificationCode {
  const token = Buffer.from(draw(random, TOKEN_BYTES)).toString('base64url');
  const symbols = encodeCrockford(draw(random, SHORT_CODE_BYTES));
  return { token, shortCode: `PAS-${symbols.slice(0, 4)}-${symbols.slice(4)}` };
}

function draw(random: RandomBytes, size: number): Uint8Array {
  const bytes = random(size);
  // An injected source that returns fewer bytes would silently weaken the codes.
  if (bytes.length < size) throw new RangeError(`expected ${size} random bytes, got ${bytes.length}`);
  return bytes.subarray(0, size);
}

/** 5 bytes → 8 symbols, most significant bits first (40 is a multiple of 5: no padding). */
function encodeCrockford(bytes: Uint8Array): string {
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  let symbols = '';
  for (let shift = BigInt(bytes.length * 8 - 5); shift >= 0n; shift -= 5n) {
    symbols += SHORT_CODE_ALPHABET[Number((value >> shift) & 31n)];
  }
  return symbols;
}
