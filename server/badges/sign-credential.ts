import type { importJWK, JWK } from 'jose';
import { keyUrl } from './badge-urls.ts';
import { jose, type KeyRing, type StoredKey, signingAlgorithm } from './credential-keys.ts';

type SigningKey = Awaited<ReturnType<typeof importJWK>>;
const imported = new Map<string, Promise<SigningKey>>();

function privateKeyOf(key: StoredKey): Promise<SigningKey> {
  let found = imported.get(key.id);
  if (!found) {
    found = jose().importJWK(key.privateJwk, signingAlgorithm);
    imported.set(key.id, found);
  }
  return found;
}

/** What every signed document carries: who issued it, its id, and from when it holds. */
interface Signable {
  id: string;
  issuer: { id: string } | string;
  validFrom: string;
}

/**
 * Signs a credential as a VC-JWT (Open Badges 3.0, JSON Web Token proof): the credential in the `vc`
 * claim, `iss`, `jti` and `nbf` repeating its issuer, id and validity; the header names the key by a
 * URL (`kid`) listed in the public JWKS. Always with the newest key of the ring.
 */
export async function signCredential(credential: Signable, ring: KeyRing, baseUrl: string): Promise<string> {
  const { SignJWT } = jose();
  const key = ring.keys.at(-1)!;
  const issuer = typeof credential.issuer === 'string' ? credential.issuer : credential.issuer.id;
  return new SignJWT({ vc: credential })
    .setProtectedHeader({ alg: signingAlgorithm, typ: 'JWT', kid: keyUrl(baseUrl, key.id) })
    .setIssuer(issuer)
    .setJti(credential.id)
    .setNotBefore(Math.floor(Date.parse(credential.validFrom) / 1000))
    .sign(await privateKeyOf(key));
}

/** One public key as published: never `d`, always its `kid` URL. */
export function publicJwk(key: StoredKey, baseUrl: string): JWK {
  const { kty, crv, x } = key.publicJwk;
  return { kty, crv, x, kid: keyUrl(baseUrl, key.id), alg: signingAlgorithm, use: 'sig' };
}

/** The JSON Web Key Set: every public key of the ring, so credentials signed before a rotation verify. */
export function publicJwks(ring: KeyRing, baseUrl: string): { keys: JWK[] } {
  return { keys: ring.keys.map((key) => publicJwk(key, baseUrl)) };
}
