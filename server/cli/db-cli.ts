// npm run db:migrate                 creates or upgrades the PostgreSQL schema (DATABASE_URL), then stops
// npm run db:import -- <DATA_DIR>    copies an embedded store into an empty PostgreSQL database
// npm run db:export -- <DATA_DIR>    copies the PostgreSQL database into a new, empty data folder
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileKeyStore, sharedKeyStore } from '../badges/credential-keys.ts';
import { collections, migrations, schemaVersion } from '../collections.ts';
import { ConfigError, loadConfig } from '../config.ts';
import { openAppStore } from '../open-app-store.ts';
import { copyStore, StoreNotEmptyError } from '../store/copy-store.ts';
import { openPostgresStore } from '../store/postgres/open-postgres-store.ts';
import { studioPaths } from '../studio/studio-paths.ts';
import { studioCourseSlugs } from '../studio/tree-sync/course-folder-slugs.ts';
import { storeTreeSync } from '../studio/tree-sync/course-tree-sync.ts';

class CliError extends Error {}

const treeCollections = ['courseTrees', 'courseTreeFiles'];

const usage =
  'Usage : npm run db:migrate | npm run db:import -- <dossier-de-données> | npm run db:export -- <dossier-de-données>';

async function main(args: string[]): Promise<string> {
  const [command, folder] = args;
  const { databaseUrl, coursesDir } = loadConfig();
  if (!databaseUrl) throw new CliError('DATABASE_URL n’est pas défini : indiquez la base PostgreSQL (postgres://…).');
  const openDatabase = () => openPostgresStore({ url: databaseUrl, collections, schemaVersion, migrations });
  if (command === 'migrate' && !folder) {
    await (await openDatabase()).close();
    return `Schéma PostgreSQL à jour (version ${schemaVersion}).`;
  }
  if ((command !== 'import' && command !== 'export') || !folder) throw new CliError(usage);
  const dir = path.resolve(folder);
  if (command === 'import' && !existsSync(dir)) throw new CliError(`Dossier de données introuvable : ${dir}`);
  if (command === 'export' && existsSync(dir) && readdirSync(dir).length > 0)
    throw new CliError(`Le dossier ${dir} n’est pas vide : choisissez un dossier nouveau ou vide.`);
  const [journal, database] = [await openAppStore(dir), await openDatabase()];
  try {
    const [from, to] = command === 'import' ? [journal, database] : [database, journal];
    // The studio's folders are files on the embedded side and rows in PostgreSQL (studio/tree-sync/).
    const rows = Object.keys(collections).filter((coll) => !treeCollections.includes(coll));
    const copied = await copyStore(from, to, rows as never, {
      onProgress: (coll, count) => process.stderr.write(`\r${coll} : ${count} ligne(s)   `),
    });
    process.stderr.write('\n');
    const trees = storeTreeSync(database, studioPaths({ coursesDir, dataDir: dir }));
    const courses =
      command === 'import'
        ? await studioCourseSlugs(journal, studioPaths({ coursesDir, dataDir: dir }))
        : await trees.staleCourses();
    for (const slug of courses)
      if (command === 'import') await trees.push(slug, new Date());
      else await trees.pull(slug);
    // The keys that signed the Open Badges credentials move too, or those credentials no longer verify.
    const [fileKeys, databaseKeys] = [fileKeyStore(dir), sharedKeyStore(database)];
    const ring = await (command === 'import' ? fileKeys : databaseKeys).peek();
    if (ring) await (command === 'import' ? databaseKeys : fileKeys).replace(ring);
    const total = Object.values(copied).reduce((a, b) => a + b, 0);
    return [
      `${total} ligne(s) copiée(s) ${command === 'import' ? `de ${dir} vers PostgreSQL` : `de PostgreSQL vers ${dir}`} : ${Object.entries(
        copied,
      )
        .map(([coll, n]) => `${coll} ${n}`)
        .join(', ')}.`,
      `Formations du studio (brouillons, versions publiées, historique) copiées : ${courses.length}${
        command === 'export' && courses.length ? ` ; les versions publiées sont dans ${coursesDir}` : ''
      }.`,
    ].join('\n');
  } finally {
    await Promise.all([journal.close(), database.close()]);
  }
}

main(process.argv.slice(2)).then(
  (message) => console.log(message),
  (error: unknown) => {
    const known =
      error instanceof CliError ||
      error instanceof ConfigError ||
      error instanceof StoreNotEmptyError ||
      /^Store\w+Error$/.test((error as Error)?.name ?? '');
    console.error(known ? (error as Error).message : error);
    process.exit(1);
  },
);
