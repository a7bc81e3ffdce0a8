import type { AppCollections } from '../store/app-collections.ts';
import type { Tx } from '../store/store.ts';
import { generateVerificationCode, type VerificationCode } from './generate-verification-code.ts';
import { isShortCodeTaken } from './queries.ts';

/** New verification codes, retried until the short code is unused (40 bits: collisions are rare, not impossible). */
export async function uniqueCodes(tx: Tx<AppCollections>): Promise<VerificationCode> {
  for (;;) {
    const code = generateVerificationCode();
    if (!(await isShortCodeTaken(tx, code.shortCode))) return code;
  }
}
