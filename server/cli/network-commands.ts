// `npm run admin -- structure add --code C --name N [--parent P]` and
// `npm run admin -- grant --email E --role R --structure C`: the network's tree and its grants from the
// command line (the first administrators of a network, scripts).
import { findUserByEmail } from '../accounts/queries.ts';
import { translate } from '../i18n/translate.ts';
import { systemClock } from '../shared/clock.ts';
import type { AppStore } from '../store/app-collections.ts';
import { StructureCodeTakenError, UnknownStructureError } from '../structures/errors.ts';
import { grantRoles } from '../structures/schema.ts';
import { NewStructure } from '../structures/structure-input.ts';
import { addStructure } from '../structures/use-cases/add-structure.ts';
import { grantRole } from '../structures/use-cases/grant-role.ts';

/** A refusal to print on one French line. */
export class NetworkCliError extends Error {}

const refused = (error: unknown): never => {
  if (error instanceof UnknownStructureError || error instanceof StructureCodeTakenError)
    throw new NetworkCliError(translate(error.messageKey!, error.params));
  throw error;
};

export async function addStructureCommand(
  store: AppStore,
  flags: { code?: string; name?: string; parent?: string },
): Promise<string> {
  const parsed = NewStructure.safeParse({ code: flags.code ?? '', name: flags.name ?? '', parent: flags.parent ?? '' });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new NetworkCliError(`--${String(issue.path[0])} : ${issue.message}`);
  }
  const structure = await addStructure(store, parsed.data, null, systemClock()).catch(refused);
  return `Structure créée : ${structure.name} (${structure.id}), sous ${structure.parentId}.`;
}

export async function grantCommand(
  store: AppStore,
  flags: { email?: string; role?: string; structure?: string },
): Promise<string> {
  if (!flags.email || !flags.role || !flags.structure)
    throw new NetworkCliError('Options --email, --role et --structure obligatoires.');
  const role = grantRoles.find((r) => r === flags.role);
  if (!role) throw new NetworkCliError(`Rôle inconnu « ${flags.role} » : indiquez ${grantRoles.join(', ')}.`);
  const user = await findUserByEmail(store, flags.email);
  if (!user) throw new NetworkCliError(`Aucun compte avec l’adresse ${flags.email.trim()}.`);
  const structure = flags.structure.trim().toLowerCase();
  await grantRole(store, { userId: user.id, role, structure }, null, systemClock()).catch(refused);
  return `Rôle ${role} donné à ${user.email} sur ${structure} et tout ce qui se trouve en dessous.`;
}
