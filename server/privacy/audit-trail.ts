// The audit trail as the viewer reads it: every entry matching the filters, newest first. Read only:
// nothing here (nor any route) changes an entry; retention and erasure are the only writers after the fact.
import { findUser, findUserByEmail } from '../accounts/queries.ts';
import { parisDate } from '../assignments/assignment-status.ts';
import type { AuditEntry } from '../audit/schema.ts';
import type { AppStore } from '../store/app-collections.ts';

export interface AuditFilter {
  action?: string;
  /** An e-mail address: entries where that person acted or was acted upon. */
  person?: string;
  /** Paris calendar days, inclusive. */
  from?: string;
  to?: string;
}

/** Entries matching the filter, newest first; a person filter naming nobody matches nothing. */
export async function auditEntries(store: AppStore, filter: AuditFilter): Promise<Readonly<AuditEntry>[]> {
  let personId: string | undefined;
  if (filter.person) {
    const person = await findUserByEmail(store, filter.person);
    if (!person) return [];
    personId = person.id;
  }
  const found: Readonly<AuditEntry>[] = [];
  for await (const entry of store.all('audit')) {
    if (filter.action && entry.action !== filter.action) continue;
    if (personId && entry.actorId !== personId && entry.target !== personId) continue;
    if (filter.from || filter.to) {
      const day = parisDate(new Date(entry.at));
      if ((filter.from && day < filter.from) || (filter.to && day > filter.to)) continue;
    }
    found.push(entry);
  }
  return found.sort((a, b) => b.at.localeCompare(a.at) || b.id.localeCompare(a.id));
}

/** How the viewer names the ids of a set of entries: « name (e-mail) » for a person, nothing otherwise. */
export async function peopleNamed(store: AppStore, entries: readonly Readonly<AuditEntry>[]) {
  const ids = new Set(entries.flatMap((e) => [e.actorId, e.target]).filter((id): id is string => id !== null));
  const names = new Map<string, string>();
  for (const id of ids) {
    const user = await findUser(store, id);
    if (user) names.set(id, `${user.name} (${user.email})`);
  }
  return names;
}

/** The details of an entry on one line: `key : value`, values as JSON when they are not text. */
export function detailsLine(details: Readonly<Record<string, unknown>>): string {
  return Object.entries(details)
    .map(([k, v]) => `${k} : ${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(' ; ');
}
