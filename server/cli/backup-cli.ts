// `tsx server/cli/backup-cli.ts <targetDir>` (npm run backup -- <targetDir>): consistent copy of
// DATA_DIR (default ./data) while the server keeps running; the target must be new or empty.
import { fileKeyStore } from '../badges/credential-keys.ts';
import { backupStore } from '../store/journal/backup-store.ts';

const target = process.argv[2];
if (!target) {
  console.error('Usage : npm run backup -- <dossier-cible>   (source : $DATA_DIR, par défaut ./data)');
  process.exit(2);
}
const dataDir = process.env.DATA_DIR || './data';

try {
  const started = performance.now();
  const result = await backupStore(dataDir, target);
  // The keys that sign the Open Badges credentials: without them, a restored installation could not keep
  // its credentials verifiable. (The CSRF key stays out: losing it costs nothing.)
  const keys = await fileKeyStore(dataDir).peek();
  if (keys) await fileKeyStore(target).replace(keys);
  const ms = Math.round(performance.now() - started);
  console.log(
    `Sauvegarde de ${dataDir} écrite dans ${target} : ${result.rows} lignes, ` +
      `transaction n° ${result.seq}, ${ms} ms${result.attempts > 1 ? `, ${result.attempts} tentatives` : ''}.`,
  );
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
