import { recordAudit } from '../../audit/record-audit.ts';
import type { AppTx } from '../../store/app-collections.ts';
import { structureExists } from '../../structures/queries.ts';
import { rootCode } from '../../structures/schema.ts';
import { hashSecret } from '../hash-secret.ts';
import { OidcAccountDeactivatedError, OidcEmailNotVerifiedError } from '../oidc/errors.ts';
import type { MappedPerson } from '../oidc/map-claims.ts';
import { isPrivileged } from '../privileged.ts';
import { findUser, findUserByEmail, lastAdminByRole } from '../queries.ts';
import type { User } from '../schema.ts';
import { NewUser, putUser } from '../users.ts';

export interface IdentitySignIn {
  issuer: string;
  subject: string;
  person: MappedPerson;
  client: string;
  now: Date;
}

/** The identity row's id: the provider's (issuer, subject) pair, which names one person for good. */
export const identityId = (issuer: string, subject: string) => hashSecret(`${issuer}\n${subject}`);

/**
 * The Passerelle account of a person the provider vouched for, in the caller's transaction: the account
 * already linked to (issuer, subject); else the account with the same e-mail, linked now, if the provider
 * verified that e-mail; else a new account. A role claim, when configured, sets the role at every sign-in
 * (the provider is then the source of truth), except that the last active administrator stays one.
 */
export async function signInIdentity(tx: AppTx, input: IdentitySignIn): Promise<Readonly<User>> {
  const { person, now } = input;
  const id = identityId(input.issuer, input.subject);
  const identity = await tx.get('identities', id);
  let user = identity ? await findUser(tx, identity.userId) : undefined;
  const structure = await structureOf(tx, person);
  if (!user) {
    const parsed = NewUser.safeParse({ ...person, structure, matricule: null, role: person.role ?? 'learner' });
    if (!person.emailVerified || !parsed.success) throw new OidcEmailNotVerifiedError();
    const existing = await findUserByEmail(tx, parsed.data.email);
    if (existing && !existing.active) throw new OidcAccountDeactivatedError();
    user = existing ?? (await putUser(tx, parsed.data, now));
    if (!existing)
      recordAudit(tx, { at: now, actorId: null, action: 'user.created', target: user.id, details: { via: 'oidc' } });
    tx.put('identities', {
      id,
      userId: user.id,
      issuer: input.issuer,
      subject: input.subject,
      createdAt: now.toISOString(),
    });
    recordAudit(tx, { at: now, actorId: user.id, action: 'user.identity_linked', target: user.id, details: {} });
  }
  if (!user.active) throw new OidcAccountDeactivatedError();
  // A structure claim, like a role claim, makes the provider the source of truth for where the person works.
  if (structure === person.structure && structure !== user.structure) {
    recordAudit(tx, {
      at: now,
      actorId: null,
      action: 'user.structure_changed',
      target: user.id,
      details: { from: user.structure, to: structure, via: 'oidc' },
    });
    user = tx.put('users', { ...user, structure, updatedAt: now.toISOString() });
  }
  if (person.role && person.role !== user.role && !(await lastAdminByRole(tx, user))) {
    recordAudit(tx, {
      at: now,
      actorId: null,
      action: 'user.role_changed',
      target: user.id,
      details: { from: user.role, to: person.role, via: 'oidc' },
    });
    user = tx.put('users', { ...user, role: person.role, updatedAt: now.toISOString() });
  }
  if (await isPrivileged(tx, user))
    recordAudit(tx, {
      at: now,
      actorId: user.id,
      action: 'user.signed_in',
      target: user.id,
      details: { client: input.client, via: 'oidc' },
    });
  return user;
}

/** The claim's structure when it names one, else the configured default, else the root. */
async function structureOf(tx: AppTx, person: MappedPerson): Promise<string> {
  for (const code of [person.structure, person.defaultStructure]) if (await structureExists(tx, code)) return code;
  return rootCode;
}
