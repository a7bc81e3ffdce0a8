import { recordAudit } from '../../audit/record-audit.ts';
import { translate } from '../../i18n/translate.ts';
import { closeCodes, loadTree } from '../../structures/queries.ts';
import { inScope, type Scope, wholeNetwork } from '../../structures/scope.ts';
import type { StructureTree } from '../../structures/tree.ts';
import type { UseCaseDeps } from '../account-deps.ts';
import { StaffListRejectedError } from '../errors.ts';
import { tokenExpiry } from '../one-time-tokens.ts';
import { parseStaffCsv, type StaffCsv, type StaffCsvError } from '../parse-staff-csv.ts';
import { emailsTaken, type Reader } from '../queries.ts';
import { type Invitation, putInvitedUser } from './invite-user.ts';

/**
 * Creates an account and an invitation link for each person of a pasted staff list, all or nothing.
 * Throws StaffListRejectedError with every line to fix (format, or an email already used).
 */
export async function importStaff(
  csv: string,
  actorId: string,
  { store, clock, onPasswordLink }: UseCaseDeps,
  limits: ImportLimits = { scope: wholeNetwork, learnersOnly: false },
): Promise<{ invitations: Invitation[]; expiresAt: Date }> {
  const parsed = parseStaffCsv(csv);
  const taken = await linesWithTakenEmail(store, parsed);
  const unknown = [...linesWithUnknownStructure(await loadTree(store), parsed), ...linesBeyondLimits(parsed, limits)];
  if (parsed.errors.length > 0 || taken.length > 0 || unknown.length > 0) {
    throw new StaffListRejectedError([...parsed.errors, ...taken, ...unknown].sort((a, b) => a.line - b.line));
  }
  const now = clock();
  const invitations = await store.transact(async (tx) => {
    // Checked again inside the transaction: an account may have been created since the check above.
    const conflicts = await linesWithTakenEmail(tx, parsed);
    if (conflicts.length > 0) throw new StaffListRejectedError(conflicts);
    const created: Invitation[] = [];
    for (const input of parsed.rows) created.push(await putInvitedUser(tx, input, actorId, now, onPasswordLink));
    recordAudit(tx, {
      at: now,
      actorId,
      action: 'users.imported',
      target: null,
      details: { count: created.length, userIds: created.map((c) => c.user.id) },
    });
    return created;
  });
  return { invitations, expiresAt: tokenExpiry('invitation', now) };
}

async function linesWithTakenEmail(reader: Reader, parsed: StaffCsv): Promise<StaffCsvError[]> {
  const taken = await emailsTaken(
    reader,
    parsed.rows.map((row) => row.email),
  );
  return parsed.rows.flatMap((row, i) =>
    taken.has(row.email)
      ? [{ line: parsed.lines[i]!, message: translate('admin.import.emailTaken', { email: row.email }) }]
      : [],
  );
}

/** What an administrator of part of the network may create: learners, in the structures of their scope. */
export interface ImportLimits {
  scope: Scope;
  learnersOnly: boolean;
}

function linesBeyondLimits(parsed: StaffCsv, limits: ImportLimits): StaffCsvError[] {
  return parsed.rows.flatMap((row, i) => {
    const line = parsed.lines[i]!;
    if (!inScope(limits.scope, row.structure)) return [{ line, message: translate('structures.grants.outside') }];
    if (limits.learnersOnly && row.role !== 'learner')
      return [{ line, message: translate('structures.import.error.learnersOnly') }];
    return [];
  });
}

/** Structures are named by code in a staff list; a code that names none is reported with the close ones. */
function linesWithUnknownStructure(tree: StructureTree, parsed: StaffCsv): StaffCsvError[] {
  return parsed.rows.flatMap((row, i) => {
    if (tree.byCode.has(row.structure)) return [];
    const close = closeCodes(tree, row.structure).join(', ');
    const key = close ? 'structures.error.unknownWithClose' : 'structures.error.unknown';
    return [{ line: parsed.lines[i]!, message: translate(key, { code: row.structure, close }) }];
  });
}
