// Invitation, reset, setup and verification links carry their token in the path or the query: a log
// line must never let its reader use one. Applied to every path that reaches a log.
const secretSegments = /\/(verify|invitations?|reset|setup|unsubscribe)\/[^/?#]+/g;

export function maskSecrets(url: string): string {
  const [path = '', query] = url.split('?', 2);
  const masked = path.replace(secretSegments, '/$1/…');
  // The query string may hold tokens or names (filters): only its parameter names are kept.
  if (query === undefined) return masked;
  const names = query
    .split('&')
    .map((pair) => pair.split('=')[0])
    .filter(Boolean);
  return `${masked}?${names.map((name) => `${name}=…`).join('&')}`;
}
