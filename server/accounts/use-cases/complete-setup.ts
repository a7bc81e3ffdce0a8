import { recordAudit } from '../../audit/record-audit.ts';
import { rootCode } from '../../structures/schema.ts';
import { writeStructure } from '../../structures/tree-revision.ts';
import type { UseCaseDeps } from '../account-deps.ts';
import { TokenInvalidError } from '../errors.ts';
import { hashNewPassword } from '../hash-new-password.ts';
import { consumeToken } from '../one-time-tokens.ts';
import { findSetupLink } from '../queries.ts';
import type { User } from '../schema.ts';
import { type NewUser, putUser } from '../users.ts';

export interface SetupInput extends Pick<NewUser, 'name' | 'email'> {
  /** The organisation's name: it names the root of the network, where the first administrator belongs. */
  structure: string;
  /** The token of the setup link printed at start-up. */
  rawToken: string;
  password: string;
}

/**
 * First run: the setup link creates the first administrator and is used up. The link and "no
 * administrator yet" are checked again in the transaction that creates the account, so two forms sent
 * at once with one link make one administrator.
 */
export async function completeSetup(input: SetupInput, { store, clock }: UseCaseDeps): Promise<Readonly<User>> {
  if (!(await findSetupLink(store, input.rawToken, clock()))) throw new TokenInvalidError();
  const passwordHash = await hashNewPassword(input.password, input);
  return store.transact(async (tx) => {
    const now = clock();
    const token = await findSetupLink(tx, input.rawToken, now);
    if (!token) throw new TokenInvalidError();
    const { name, email, structure } = input;
    const root = await tx.get('structures', rootCode);
    writeStructure(tx, {
      id: rootCode,
      name: structure,
      parentId: null,
      createdAt: root?.createdAt ?? now.toISOString(),
      updatedAt: now.toISOString(),
    });
    const user = await putUser(
      tx,
      { name, email, structure: rootCode, matricule: null, role: 'admin' },
      now,
      passwordHash,
    );
    consumeToken(tx, token, now, user.id);
    // The first administrator's first sign-in: privileged sign-ins are all in the audit trail.
    recordAudit(tx, {
      at: now,
      actorId: user.id,
      action: 'user.signed_in',
      target: user.id,
      details: { via: 'setup' },
    });
    return user;
  });
}
