// Schema migrations, the same for every store: `migrations[v]` turns data of schema v into data of
// schema v + 1. They run on the raw collections ({ name: rows[] }) before validation; the store then
// validates the result with the current schemas and writes it before anything else. A migration returns a
// new array for each collection it changes and never edits rows in place: PostgreSQL rewrites only the
// collections whose array changed.
import { StoreMigrationError } from './errors.ts';

export type RawCollections = Record<string, unknown[]>;

// biome-ignore lint/suspicious/noExplicitAny: migrations work on data of an older, untyped shape
export type Migrations = Record<number, (data: any) => any>;

export function runMigrations(
  file: string,
  data: RawCollections,
  fromVersion: number,
  toVersion: number,
  migrations: Migrations,
): RawCollections {
  let current = data;
  for (let version = fromVersion; version < toVersion; version++) {
    const migrate = migrations[version];
    if (!migrate) {
      throw new StoreMigrationError(file, version, `aucune migration n’est définie de ${version} vers ${version + 1}`);
    }
    try {
      current = migrate(current);
    } catch (error) {
      throw new StoreMigrationError(file, version, `la migration a échoué (${(error as Error).message})`, {
        cause: error,
      });
    }
    if (typeof current !== 'object' || current === null || Object.values(current).some((v) => !Array.isArray(v))) {
      throw new StoreMigrationError(file, version, 'la migration doit renvoyer un objet { collection: lignes[] }');
    }
  }
  return current;
}
