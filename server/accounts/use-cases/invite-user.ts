import { recordAudit } from '../../audit/record-audit.ts';
import type { AppTx } from '../../store/app-collections.ts';
import { requireStructure } from '../../structures/queries.ts';
import type { OnPasswordLink, UseCaseDeps } from '../account-deps.ts';
import { putToken, tokenExpiry } from '../one-time-tokens.ts';
import type { User } from '../schema.ts';
import { type NewUser, putUser } from '../users.ts';

export interface Invitation {
  user: Readonly<User>;
  /** The raw token of the invitation link, shown once. */
  token: string;
}

/**
 * Creates an account without a password and its invitation link, in one transaction; `actorId` is null
 * from the command line. Throws EmailTakenError when the email already has an account.
 */
export async function inviteUser(
  input: NewUser,
  actorId: string | null,
  { store, clock, onPasswordLink }: UseCaseDeps,
): Promise<Invitation & { expiresAt: Date }> {
  await requireStructure(store, input.structure);
  const now = clock();
  const invitation = await store.transact(async (tx) => {
    const created = await putInvitedUser(tx, input, actorId, now, onPasswordLink);
    const { user } = created;
    recordAudit(tx, { at: now, actorId, action: 'user.invited', target: user.id, details: { role: user.role } });
    return created;
  });
  return { ...invitation, expiresAt: tokenExpiry('invitation', now) };
}

/** The account and its invitation token, inside the caller's transaction (one invitation or a whole import). */
export async function putInvitedUser(
  tx: AppTx,
  input: NewUser,
  actorId: string | null,
  now: Date,
  onPasswordLink?: OnPasswordLink,
): Promise<Invitation> {
  const user = await putUser(tx, input, now);
  const token = await putToken(tx, { kind: 'invitation', userId: user.id, createdBy: actorId }, now);
  await onPasswordLink?.(tx, { user, kind: 'invitation', token, expiresAt: tokenExpiry('invitation', now) }, now);
  return { user, token };
}
