import type { AppStore } from '../store/app-collections.ts';
import { type CredentialKeyStore, fileKeyStore, sharedKeyStore } from './credential-keys.ts';

/** The owner-only file beside the embedded store; the database when several instances share PostgreSQL. */
export function keyStoreFor(kind: 'journal' | 'postgres', store: AppStore, dataDir: string): CredentialKeyStore {
  return kind === 'postgres' ? sharedKeyStore(store) : fileKeyStore(dataDir);
}
