// `npm run admin -- user add --email E --name N --role R [--structure C] [--matricule M] [--password-stdin]`
// `npm run admin -- user list` and `npm run admin -- user reset-mfa --email E` (a lost phone, when no
// other administrator can do it from /admin/users): accounts from the command line. The store
// is locked by the running server, so these commands work while it is stopped.
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { checkPasswordStrength } from '../accounts/check-password-strength.ts';
import { EmailTakenError } from '../accounts/errors.ts';
import { hashPassword } from '../accounts/password.ts';
import { allUsersByEmail, findUserByEmail } from '../accounts/queries.ts';
import { roles } from '../accounts/schema.ts';
import { inviteUser } from '../accounts/use-cases/invite-user.ts';
import { resetSecondFactor } from '../accounts/use-cases/reset-second-factor.ts';
import { createUser, NewUser } from '../accounts/users.ts';
import { type Config, ConfigError, loadConfig } from '../config.ts';
import { formatDateFr } from '../i18n/format-date-fr.ts';
import { translate } from '../i18n/translate.ts';
import { openConfiguredStore } from '../open-app-store.ts';
import { systemClock } from '../shared/clock.ts';
import type { AppStore } from '../store/app-collections.ts';
import { StoreLockedError } from '../store/errors.ts';
import { UnknownStructureError } from '../structures/errors.ts';
import { requireStructure } from '../structures/queries.ts';
import { rootCode } from '../structures/schema.ts';
import { addStructureCommand, grantCommand, NetworkCliError } from './network-commands.ts';

const usage =
  'Usage : npm run admin -- user add --email E --name N --role R [--structure C] [--matricule M] [--password-stdin]' +
  ' | npm run admin -- user list | npm run admin -- user reset-mfa --email E' +
  ' | npm run admin -- structure add --code C --name N [--parent P]' +
  ' | npm run admin -- grant --email E --role R --structure C';

/** A problem to report on one French line (exit code 1). */
class CliError extends Error {}

const flagOfField: Record<string, string> = {
  name: '--name',
  email: '--email',
  structure: '--structure',
  matricule: '--matricule',
  role: '--role',
};

const options = {
  email: { type: 'string' },
  name: { type: 'string' },
  role: { type: 'string' },
  structure: { type: 'string' },
  code: { type: 'string' },
  parent: { type: 'string' },
  matricule: { type: 'string' },
  'password-stdin': { type: 'boolean', default: false },
} as const;

/** parseArgs with its English errors turned into French ones. */
function readFlags(args: string[]) {
  try {
    return parseArgs({ args, allowPositionals: true, options });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const option = /'(-[^' ]*)/.exec((error as Error).message)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new CliError(`Option inconnue ${option}. ${usage}`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
      throw new CliError(`Valeur manquante ou invalide pour ${option}. ${usage}`);
    throw error;
  }
}

async function main(argv: string[]): Promise<string> {
  const { values, positionals } = readFlags(argv);
  const command = positionals.join(' ');
  const config = loadConfig();
  if (command === 'user list') return withStore(config, listUsers);
  if (command === 'user reset-mfa') return withStore(config, (store) => resetMfa(store, values.email));
  if (command === 'structure add') return withStore(config, (store) => addStructureCommand(store, values));
  if (command === 'grant') return withStore(config, (store) => grantCommand(store, values));
  if (command !== 'user add') throw new CliError(usage);

  for (const flag of ['email', 'name', 'role'] as const) {
    if (!values[flag]) throw new CliError(`Option --${flag} manquante. ${usage}`);
  }
  if (!(roles as readonly string[]).includes(values.role!)) {
    throw new CliError(`Rôle inconnu « ${values.role} » : indiquez ${roles.join(', ')}.`);
  }
  // Without --structure the account belongs to the network as a whole (its root).
  const parsed = NewUser.safeParse({
    name: values.name,
    email: values.email?.trim(),
    structure: values.structure ?? rootCode,
    matricule: values.matricule ?? null,
    role: values.role,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new CliError(`${flagOfField[String(issue.path[0])] ?? 'Option'} : ${issue.message}`);
  }
  const input = parsed.data;

  let passwordHash: string | null = null;
  if (values['password-stdin']) {
    const password = await readFirstLine();
    if (!password) throw new CliError('Aucun mot de passe reçu sur l’entrée standard (--password-stdin).');
    const weakness = checkPasswordStrength(password, [input.email, input.name]);
    if (weakness) throw new CliError(translate(weakness.messageKey, weakness.params));
    passwordHash = await hashPassword(password);
  }

  return withStore(config, async (store) => {
    await requireStructure(store, input.structure).catch((error: unknown) => {
      if (error instanceof UnknownStructureError) throw new CliError(translate(error.messageKey!, error.params));
      throw error;
    });
    const taken = (error: unknown): never => {
      if (error instanceof EmailTakenError) throw new CliError(`Un compte existe déjà avec l’adresse ${input.email}.`);
      throw error;
    };
    if (passwordHash) {
      const user = await createUser(store, input, new Date(), passwordHash).catch(taken);
      return `Compte créé : ${user.email} (${user.role}), mot de passe enregistré.`;
    }
    // The account and its invitation link in one transaction: never an account nobody can open.
    const { user, token, expiresAt } = await inviteUser(input, null, { store, clock: systemClock }).catch(taken);
    return (
      `Compte créé : ${user.email} (${user.role}). Lien d’invitation, valable jusqu’au ` +
      `${formatDateFr(expiresAt.toISOString())} : ${config.baseUrl}/invitations/${token}`
    );
  });
}

async function withStore(config: Config, run: (store: AppStore) => Promise<string>): Promise<string> {
  const dataDir = config.dataDir;
  // With PostgreSQL the server may keep running: the database takes several clients.
  const { store } = await openConfiguredStore(config).catch((error: unknown) => {
    if (error instanceof StoreLockedError) {
      throw new CliError(
        `Le dossier de données ${dataDir} est utilisé par le serveur Passerelle (processus ${error.pid}) : ` +
          'arrêtez le serveur, lancez la commande, puis redémarrez-le.',
      );
    }
    throw error;
  });
  try {
    return await run(store);
  } finally {
    await store.close();
  }
}

/** Removes a person's second factor (audited); they set up a new one at their next sign-in. */
async function resetMfa(store: AppStore, email: string | undefined): Promise<string> {
  if (!email) throw new CliError(`Option --email manquante. ${usage}`);
  const user = await findUserByEmail(store, email);
  if (!user) throw new CliError(`Aucun compte avec l’adresse ${email.trim()}.`);
  await resetSecondFactor({ actorId: null, userId: user.id }, { store, clock: systemClock });
  return `Double authentification réinitialisée pour ${user.email} : elle sera à régler à la prochaine connexion.`;
}

/** One tab-separated line per account, sorted by email; never the password hash. */
async function listUsers(store: AppStore): Promise<string> {
  const lines = (await allUsersByEmail(store)).map((u) => {
    const access = u.passwordHash ? 'mot de passe défini' : 'invitation en attente';
    return [u.email, u.name, u.role, u.structure, u.matricule ?? '', u.active ? 'actif' : 'désactivé', access].join(
      '\t',
    );
  });
  return lines.length > 0 ? lines.join('\n') : 'Aucun compte.';
}

/** The first line of stdin (a pipe, or a terminal until Enter), without its line ending. */
async function readFirstLine(): Promise<string | undefined> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  try {
    for await (const line of lines) return line;
    return undefined;
  } finally {
    lines.close();
  }
}

try {
  console.log(await main(process.argv.slice(2)));
} catch (error) {
  const known =
    error instanceof CliError ||
    error instanceof NetworkCliError ||
    error instanceof ConfigError ||
    (error instanceof Error && /^Store\w+Error$/.test(error.name));
  console.error(known ? (error as Error).message : error);
  process.exitCode = 1;
}
