import { recordAudit } from '../../audit/record-audit.ts';
import type { UseCaseDeps } from '../account-deps.ts';
import { AccountInactiveError, UserNotFoundError } from '../errors.ts';
import { putToken, tokenExpiry } from '../one-time-tokens.ts';
import { findUser } from '../queries.ts';
import type { User } from '../schema.ts';

export interface AccessLink {
  person: Readonly<User>;
  /** A reset link for someone who has a password; a new invitation for someone who never chose one. */
  kind: 'reset' | 'invitation';
  /** The raw token, shown once. */
  token: string;
  expiresAt: Date;
}

/** A new link for a person to choose a password, replacing their unused one; recorded in the audit trail. */
export async function issueAccessLink(
  input: { actorId: string; userId: string },
  { store, clock, onPasswordLink }: UseCaseDeps,
): Promise<AccessLink> {
  const now = clock();
  return store.transact(async (tx) => {
    const person = await findUser(tx, input.userId);
    if (!person) throw new UserNotFoundError(input.userId);
    if (!person.active) throw new AccountInactiveError();
    const kind = person.passwordHash ? 'reset' : 'invitation';
    const token = await putToken(tx, { kind, userId: person.id, createdBy: input.actorId }, now);
    await onPasswordLink?.(tx, { user: person, kind, token, expiresAt: tokenExpiry(kind, now) }, now);
    recordAudit(tx, {
      at: now,
      actorId: input.actorId,
      action: kind === 'reset' ? 'user.reset_link' : 'user.invited',
      target: person.id,
      details: kind === 'reset' ? {} : { resent: true },
    });
    return { person, kind, token, expiresAt: tokenExpiry(kind, now) };
  });
}
