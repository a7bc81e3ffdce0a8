import { randomInt } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { AppStore } from '../store/app-collections.ts';
import { statusListUrl, vcContext } from './badge-urls.ts';
import { issuerProfile } from './issuer-profile.ts';
import { allStatusEntries, isStatusIndexTaken, statusEntryOf } from './queries.ts';

/**
 * Bits in the list: the Bitstring Status List minimum (16 KiB), so that a verifier fetching the list
 * learns nothing of which credential it checks. Indexes are drawn at random, as that spec advises.
 */
export const statusListLength = 131_072;

/** The certificate's index in the list, drawn once and kept. */
export async function ensureStatusIndex(
  store: AppStore,
  certificateId: string,
  draw: (max: number) => number = randomInt,
): Promise<number> {
  const existing = await statusEntryOf(store, certificateId);
  if (existing) return existing.index;
  return store.transact(async (tx) => {
    const again = await statusEntryOf(tx, certificateId);
    if (again) return again.index;
    let index = draw(statusListLength);
    while (await isStatusIndexTaken(tx, index)) index = draw(statusListLength);
    tx.put('credentialStatusEntries', { id: certificateId, index });
    return index;
  });
}

/** One bit per index, set when the certificate is no longer valid (revoked, or replaced by a re-issue). */
export async function revocationBits(store: AppStore): Promise<Uint8Array> {
  const bits = new Uint8Array(statusListLength / 8);
  for await (const entry of allStatusEntries(store)) {
    const certificate = await store.get('certificates', entry.id);
    if (certificate && certificate.status !== 'valid') setBit(bits, entry.index);
  }
  return bits;
}

/** Index 0 is the left-most bit of the first byte (Bitstring Status List). */
export function setBit(bits: Uint8Array, index: number): void {
  bits[index >> 3]! |= 0x80 >> (index & 7);
}

export function isBitSet(bits: Uint8Array, index: number): boolean {
  return (bits[index >> 3]! & (0x80 >> (index & 7))) !== 0;
}

/** GZIP, then multibase base64url without padding (the `u` prefix). */
export function encodeBits(bits: Uint8Array): string {
  return `u${gzipSync(bits).toString('base64url')}`;
}

/** The list as a BitstringStatusListCredential, to be signed like the badges it describes. */
export function statusListCredential(bits: Uint8Array, org: { name: string }, baseUrl: string, now: Date) {
  const id = statusListUrl(baseUrl);
  return {
    '@context': [vcContext],
    id,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: issuerProfile(org, baseUrl),
    validFrom: now.toISOString(),
    credentialSubject: {
      id: `${id}#list`,
      type: 'BitstringStatusList',
      statusPurpose: 'revocation',
      encodedList: encodeBits(bits),
    },
  };
}
