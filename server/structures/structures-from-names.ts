// Schema 2 → 3 (server/collections.ts): accounts named their structure in free text; each distinct
// text becomes a structure under the root, with a code made from it, and accounts and assignments
// then carry that code. Nothing is lost: the text becomes the structure's name.
import { slugify } from '../shared/slugify.ts';
import { rootCode } from './schema.ts';

// biome-ignore lint/suspicious/noExplicitAny: a migration works on data of an older, untyped shape
type Raw = Record<string, any[]>;

/** A code for each name: its slug, made unique with -2, -3… and never the root's. */
export function codesForNames(names: Iterable<string>): Map<string, string> {
  const codes = new Map<string, string>();
  const used = new Set<string>([rootCode]);
  for (const name of names) {
    if (codes.has(name)) continue;
    const base = slugify(name, 36) || 'structure';
    let code = base;
    for (let n = 2; used.has(code); n++) code = `${base}-${n}`;
    used.add(code);
    codes.set(name, code);
  }
  return codes;
}

export function structuresFromNames(data: Raw, now: string): Raw {
  const users = data.users ?? [];
  const assignments = data.assignments ?? [];
  const names = [
    ...users.map((u) => u.structure as string),
    ...assignments.filter((a) => a.structure).map((a) => a.structure as string),
  ];
  const codes = codesForNames(names.sort((a, b) => a.localeCompare(b)));
  const structures = [
    { id: rootCode, name: 'Réseau', parentId: null, createdAt: now, updatedAt: now },
    ...[...codes].map(([name, code]) => ({ id: code, name, parentId: rootCode, createdAt: now, updatedAt: now })),
  ];
  return {
    ...data,
    structures,
    grants: [],
    users: users.map((u) => ({ ...u, structure: codes.get(u.structure) })),
    assignments: assignments.map((a) => (a.structure ? { ...a, structure: codes.get(a.structure) } : a)),
  };
}
