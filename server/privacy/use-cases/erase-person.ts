import { findUser } from '../../accounts/queries.ts';
import type { User } from '../../accounts/schema.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { translate } from '../../i18n/translate.ts';
import { fold } from '../../shared/fold.ts';
import type { AppStore } from '../../store/app-collections.ts';
import { PersonNotFoundError, SelfErasureError } from '../errors.ts';
import type { PrivacyDeps } from '../privacy-deps.ts';
import { findErasure } from '../queries.ts';
import { hasTrace, scrub, type Traces, tracesOf } from '../traces.ts';
import {
  deleteAccountRows,
  deleteEmails,
  eraseCertificateHolder,
  pseudonymiseAudit,
  pseudonymousAccount,
} from './erase-rows.ts';
import { scrubDraftFiles } from './scrub-draft-files.ts';

export interface ErasePersonInput {
  /** Null when the retention job erases an account deactivated for too long. */
  actorId: string | null;
  userId: string;
  reason: string;
  /** Keep the holder's name on certificates already issued, for the legal period (CERTIFICATE_KEEP_YEARS). */
  keepCertificates: boolean;
}

export type ErasureOutcome = { kind: 'erased' } | { kind: 'already'; erasedAt: string };

export type EraseDeps = Pick<
  PrivacyDeps,
  'store' | 'clock' | 'collections' | 'rewriteStoreFiles' | 'draftsDir' | 'draftLock'
>;

/** Rows of any collection whose text still holds a trace of the person (read before the transaction). */
async function rowsWithTraces(store: AppStore, collections: readonly string[], traces: Traces) {
  const found: { coll: string; id: string }[] = [];
  for (const coll of collections) {
    for await (const row of store.all(coll as 'users')) {
      if (hasTrace(JSON.stringify(row), traces)) found.push({ coll, id: row.id });
    }
  }
  return found;
}

async function hasHomonym(store: AppStore, person: Readonly<User>): Promise<boolean> {
  const name = fold(person.name.trim());
  for await (const user of store.all('users'))
    if (user.id !== person.id && fold(user.name.trim()) === name) return true;
  return false;
}

/**
 * Erases a person: their account is pseudonymised (it stays, nameless, so statistics keep counting it),
 * sign-in material, e-mails and preferences are deleted, certificates lose the name unless kept for the
 * legal period, and every other row still quoting the name, e-mail or matricule is scrubbed. Then the
 * store's files are rewritten, so no copy survives in the journal. Erasing twice changes nothing.
 */
export async function erasePerson(deps: EraseDeps, input: ErasePersonInput): Promise<ErasureOutcome> {
  const { store } = deps;
  if (input.actorId === input.userId) throw new SelfErasureError();
  const person = await findUser(store, input.userId);
  if (!person) throw new PersonNotFoundError(input.userId);
  const previous = await findErasure(store, person.id);
  if (previous) return { kind: 'already', erasedAt: previous.erasedAt };
  // Someone else with the same name keeps it: then only the e-mail and matricule are searched for.
  const traces = tracesOf({ ...person, name: (await hasHomonym(store, person)) ? '' : person.name });
  const mark = translate('privacy.erased.mark');
  const candidates = await rowsWithTraces(store, deps.collections, traces);
  const now = deps.clock();
  const outcome = await store.transact(async (tx): Promise<ErasureOutcome> => {
    const current = await findUser(tx, person.id);
    if (!current) throw new PersonNotFoundError(person.id);
    const erased = await findErasure(tx, person.id);
    if (erased) return { kind: 'already', erasedAt: erased.erasedAt };
    tx.put('users', pseudonymousAccount(current, now));
    await deleteAccountRows(tx, person.id);
    const emails = await deleteEmails(tx, person.id);
    const certificates = input.keepCertificates
      ? (await tx.findBy('certificates', 'userId', person.id)).length
      : await eraseCertificateHolder(tx, person.id);
    await pseudonymiseAudit(tx, person.id);
    for (const { coll, id } of candidates) {
      const row = await tx.get(coll as 'audit', id);
      if (!row) continue;
      // Certificates kept for the legal period keep the name they were issued with.
      if (coll === 'certificates' && input.keepCertificates && (row as { userId?: string }).userId === person.id)
        continue;
      if (coll === 'users' && id === person.id) continue;
      tx.put(coll as 'audit', scrub(row, traces, mark));
    }
    tx.put('erasures', {
      id: person.id,
      erasedAt: now.toISOString(),
      actorId: input.actorId,
      keptCertificates: input.keepCertificates && certificates > 0,
    });
    recordAudit(tx, {
      at: now,
      actorId: input.actorId,
      action: 'user.erased',
      target: person.id,
      details: {
        reason: scrub(input.reason, traces, mark),
        emailsDeleted: emails,
        certificates,
        certificatesKeptWithName: input.keepCertificates,
      },
    });
    return { kind: 'erased' };
  });
  if (outcome.kind === 'erased') {
    await scrubDraftFiles(deps, traces, mark);
    await deps.rewriteStoreFiles?.();
  }
  return outcome;
}
