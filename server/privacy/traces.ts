// What identifies an erased person in text: their name, e-mail and matricule. Once erased, any of them
// found in any row (a name quoted in an audit entry, an e-mail sent to HR, a typed quiz answer) is
// replaced, so that nothing names the person anywhere in the store or its files.

export interface Identity {
  name: string;
  email: string;
  matricule: string | null;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Whole words only: a matricule « 1234 » must not eat the digits of an unrelated number.
const word = (text: string) => new RegExp(`(?<![\\p{L}\\p{N}_-])${escapeRegExp(text)}(?![\\p{L}\\p{N}_-])`, 'giu');

export type Traces = readonly RegExp[];

/** The patterns to look for; values too short to identify anyone (one or two characters) are left alone. */
export function tracesOf(identity: Identity): Traces {
  const values = [identity.name.trim(), identity.email.trim(), identity.matricule?.trim() ?? ''];
  return values.filter((v) => v.length >= 3).map(word);
}

export function hasTrace(text: string, traces: Traces): boolean {
  return traces.some((pattern) => {
    pattern.lastIndex = 0;
    return pattern.test(text);
  });
}

/** The value with every trace replaced by `mark`, deeply (strings in objects and arrays, and object keys). */
export function scrub<T>(value: T, traces: Traces, mark: string): T {
  if (typeof value === 'string') return traces.reduce<string>((s, p) => s.replace(p, mark), value) as T;
  if (Array.isArray(value)) return value.map((v) => scrub(v, traces, mark)) as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [scrub(k, traces, mark), scrub(v, traces, mark)]),
    ) as T;
  return value;
}
