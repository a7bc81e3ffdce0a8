/**
 * The app's query parser: one string per name (the first, when a name is repeated), never an array
 * or an object, and malformed `%` escapes kept as typed instead of throwing, so no route meets a
 * shape it did not expect from a hand-edited URL.
 */
export function parseQuery(queryString: string): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(queryString)) {
    if (!Object.hasOwn(query, name)) query[name] = value;
  }
  return query;
}
