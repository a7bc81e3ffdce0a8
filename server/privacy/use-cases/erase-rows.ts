// The rows of one person, changed or removed at their erasure, domain by domain. Runs inside the
// erasure's transaction; ids stay (they are random and name no one once the account is pseudonymised),
// so completions, item analysis and HR totals count the same after as before.
import { randomUUID } from 'node:crypto';
import { findSecondFactor, identitiesOf, sessionsOf } from '../../accounts/queries.ts';
import type { User } from '../../accounts/schema.ts';
import { translate } from '../../i18n/translate.ts';
import type { AppTx } from '../../store/app-collections.ts';
import { auditAbout } from '../queries.ts';

/** The account keeps its id, role and structure (for the statistics) and loses everything that names. */
export function pseudonymousAccount(person: Readonly<User>, now: Date): User {
  return {
    ...person,
    name: translate('privacy.erased.name'),
    email: `${randomUUID()}@efface.invalid`,
    matricule: null,
    passwordHash: null,
    active: false,
    updatedAt: now.toISOString(),
  };
}

/** Sign-in material, preferences, reminders, commitments and survey markers of the person: deleted. */
export async function deleteAccountRows(tx: AppTx, userId: string): Promise<void> {
  for (const s of await sessionsOf(tx, userId)) tx.delete('sessions', s.id);
  for (const token of await tx.findBy('tokens', 'userId', userId)) tx.delete('tokens', token.id);
  for (const identity of await identitiesOf(tx, userId)) tx.delete('identities', identity.id);
  for (const device of await tx.findBy('rememberedDevices', 'userId', userId))
    tx.delete('rememberedDevices', device.id);
  if (await findSecondFactor(tx, userId)) tx.delete('secondFactors', userId);
  tx.delete('mailPreferences', userId);
  for (const notice of await tx.findBy('notices', 'userId', userId)) tx.delete('notices', notice.id);
  // What the person wrote for themself about their practice: theirs alone, it goes with them.
  for (const commitment of await tx.findBy('commitments', 'userId', userId)) tx.delete('commitments', commitment.id);
  // That they answered the satisfaction questionnaire (the answers themselves were never linked to them).
  for (const answered of await tx.findBy('satisfactionAnswered', 'userId', userId))
    tx.delete('satisfactionAnswered', answered.id);
}

/**
 * Every e-mail sent to the person (its body names them, its recipient is their address) and every xAPI
 * statement about them still queued for the learning record store: deleted.
 */
export async function deleteEmails(tx: AppTx, userId: string): Promise<number> {
  const emails = await tx.findBy('emails', 'userId', userId);
  for (const email of emails) tx.delete('emails', email.id);
  for (const statement of await tx.findBy('lrsStatements', 'userId', userId)) tx.delete('lrsStatements', statement.id);
  return emails.length;
}

/** Certificates lose the holder's name, unless kept with it for the legal period. */
export async function eraseCertificateHolder(tx: AppTx, userId: string): Promise<number> {
  const certificates = await tx.findBy('certificates', 'userId', userId);
  const holder = translate('privacy.erased.holder');
  for (const c of certificates) tx.put('certificates', { ...c, snapshot: { ...c.snapshot, learnerName: holder } });
  return certificates.length;
}

/** Audit entries about the person keep what happened and when, without the network address of sign-ins. */
export async function pseudonymiseAudit(tx: AppTx, userId: string): Promise<void> {
  for (const entry of await auditAbout(tx, userId)) {
    if (!('client' in entry.details)) continue;
    tx.put('audit', {
      ...entry,
      details: Object.fromEntries(Object.entries(entry.details).filter(([k]) => k !== 'client')),
    });
  }
}
