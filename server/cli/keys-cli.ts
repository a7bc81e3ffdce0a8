// npm run keys:rotate   adds a new key that signs Open Badges credentials from now on; the old keys stay
//                       published in the JWKS, so the credentials they signed still verify.
import { fileKeyStore, sharedKeyStore } from '../badges/credential-keys.ts';
import { ConfigError, loadConfig } from '../config.ts';
import { openConfiguredStore } from '../open-app-store.ts';

class CliError extends Error {}

async function main(args: string[]): Promise<string> {
  if (args[0] !== 'rotate') throw new CliError('Usage : npm run keys:rotate');
  const config = loadConfig();
  const now = new Date();
  // The embedded store's keys are a file of their own: no need to open the store (the server may run).
  if (!config.databaseUrl) return describe(await fileKeyStore(config.dataDir).rotate(now));
  const { store } = await openConfiguredStore(config);
  try {
    return describe(await sharedKeyStore(store).rotate(now));
  } finally {
    await store.close();
  }
}

function describe(ring: { keys: { id: string }[] }): string {
  const newest = ring.keys.at(-1)!;
  return `Nouvelle clé de signature des badges : ${newest.id}. ${ring.keys.length} clé(s) publique(s) publiée(s) ; les badges déjà délivrés restent vérifiables.`;
}

main(process.argv.slice(2)).then(
  (message) => console.log(message),
  (error: unknown) => {
    const known = error instanceof CliError || error instanceof ConfigError;
    console.error(known ? (error as Error).message : error);
    process.exit(1);
  },
);
