// Named store errors; messages are French because an operator reads them in the start-up log.
// StoreUnavailableError is the one a request can meet: it is an UnavailableError, so the HTTP error
// map gives it a 503 without knowing the store.
import { prettifyError, type z } from 'zod';
import { UnavailableError } from '../shared/errors.ts';

/** A row given to `tx.put` does not match its collection's schema; nothing of it was applied. */
export class ValidationError extends Error {
  override readonly name = 'ValidationError';
  constructor(
    readonly collection: string,
    readonly issues: readonly z.core.$ZodIssue[],
  ) {
    super(`Données invalides pour la collection « ${collection} » :\n${prettifyError({ issues: [...issues] })}`);
  }
}

/** A durable write failed (disk full, I/O error…) or the store is closed: nothing was applied; retry later. */
export class StoreUnavailableError extends UnavailableError {
  readonly code: string | undefined;
  constructor(detail: string, options?: { cause?: unknown }) {
    const code = (options?.cause as NodeJS.ErrnoException | undefined)?.code;
    super(`Enregistrement impossible${code ? ` (${code})` : ''} : ${detail}. La modification n'a pas été appliquée.`, {
      cause: options?.cause,
    });
    this.code = code;
  }
}

/** Every call on a closed store rejects with this. */
export function storeClosedError(): StoreUnavailableError {
  return new StoreUnavailableError('le magasin de données est fermé');
}

/** Another live process owns the data directory. */
export class StoreLockedError extends Error {
  override readonly name = 'StoreLockedError';
  constructor(
    readonly lockFile: string,
    readonly pid: number,
  ) {
    super(
      `Le dossier de données est déjà utilisé par le processus ${pid} (verrou ${lockFile}). ` +
        'Arrêtez l’autre instance de Passerelle avant d’en démarrer une nouvelle.',
    );
  }
}

/** A data file cannot be read, parsed or validated. The store refuses to open and writes nothing. */
export class StoreCorruptError extends Error {
  override readonly name = 'StoreCorruptError';
  constructor(
    readonly file: string,
    readonly detail: string,
    options?: { cause?: unknown },
  ) {
    super(
      `Le fichier ${file} est illisible ou corrompu : ${detail}. ` +
        'Passerelle ne l’a pas modifié ; restaurez une sauvegarde ou corrigez le fichier.',
      options,
    );
  }
}

/** The data was written by a newer Passerelle (higher schemaVersion). The store writes nothing. */
export class StoreVersionError extends Error {
  override readonly name = 'StoreVersionError';
  constructor(
    readonly file: string,
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      `Le fichier ${file} a été écrit par une version plus récente de Passerelle ` +
        `(schéma ${found}, cette version gère jusqu’au schéma ${supported}). ` +
        'Il n’a pas été modifié : mettez Passerelle à jour ou restaurez une sauvegarde.',
    );
  }
}

/** A migration is missing or threw. The store writes nothing. */
export class StoreMigrationError extends Error {
  override readonly name = 'StoreMigrationError';
  constructor(
    readonly file: string,
    readonly fromVersion: number,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(
      `Migration du fichier ${file} impossible depuis le schéma ${fromVersion} : ${detail}. ` +
        'Le fichier n’a pas été modifié.',
      options,
    );
  }
}

/** A backup could not be written (target already holds data, or the source kept changing). */
export class StoreBackupError extends Error {
  override readonly name = 'StoreBackupError';
  constructor(
    readonly target: string,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(`Sauvegarde vers ${target} impossible : ${detail}.`, options);
  }
}
