import { createHash } from 'node:crypto';

// Passerelle's own namespace for name-based UUIDs (RFC 4122 version 5): the same event gives the same
// statement id at every export, so a learning record store never stores it twice.
const namespace = Buffer.from('6d1f0b5e6a0c4f6e9b7a2c3d4e5f6a7b', 'hex');

/** RFC 4122 version 5 (SHA-1, name-based) UUID of `name` in Passerelle's namespace. */
export function statementId(name: string): string {
  const bytes = createHash('sha1').update(namespace).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
