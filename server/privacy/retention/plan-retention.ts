import type { AppStore } from '../../store/app-collections.ts';
import {
  accountDue,
  answersDue,
  auditDue,
  type Cutoffs,
  certificateNameDue,
  emailDue,
  type RetentionKind,
} from './retention-rules.ts';

/** One row due for removal: what it is, its id, and the date that made it due. */
export interface RetentionItem {
  kind: RetentionKind;
  id: string;
  at: string;
}

/** Everything the retention periods remove now, oldest first within each kind. */
export async function planRetention(store: AppStore, cutoffs: Cutoffs): Promise<RetentionItem[]> {
  const items: RetentionItem[] = [];
  const erasures = new Map<string, boolean>();
  for await (const e of store.all('erasures')) erasures.set(e.id, e.keptCertificates);
  if (cutoffs.account)
    for await (const user of store.all('users'))
      if (accountDue(user, erasures.has(user.id), cutoffs))
        items.push({ kind: 'account', id: user.id, at: user.updatedAt });
  if (cutoffs.answers)
    for await (const attempt of store.all('attempts'))
      if (answersDue(attempt, cutoffs)) items.push({ kind: 'answers', id: attempt.id, at: attempt.createdAt });
  if (cutoffs.audit)
    for await (const entry of store.all('audit'))
      if (auditDue(entry, cutoffs)) items.push({ kind: 'audit', id: entry.id, at: entry.at });
  if (cutoffs.email)
    for (const status of ['sent', 'failed'] as const)
      for (const email of await store.findBy('emails', 'status', status))
        if (emailDue(email, cutoffs)) items.push({ kind: 'email', id: email.id, at: email.updatedAt });
  if (cutoffs.certificateName)
    for (const [userId, kept] of erasures) {
      if (!kept) continue;
      for (const c of await store.findBy('certificates', 'userId', userId))
        if (certificateNameDue(c, cutoffs)) items.push({ kind: 'certificateName', id: c.id, at: c.snapshot.issuedAt });
    }
  const order = (i: RetentionItem) => `${i.kind} ${i.at} ${i.id}`;
  return items.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
}
