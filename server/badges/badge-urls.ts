// The public addresses of the Open Badges documents, all under BASE_URL (decision 012).

export const vcContext = 'https://www.w3.org/ns/credentials/v2';
export const openBadgesContext = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';

export const issuerUrl = (baseUrl: string) => `${baseUrl}/badges/issuer`;
export const achievementUrl = (baseUrl: string, course: string, version: number) =>
  `${baseUrl}/badges/achievements/${encodeURIComponent(course)}/${version}`;
export const statusListUrl = (baseUrl: string) => `${baseUrl}/badges/status/revocation`;
/** A key's `kid` is a URL that answers with its public JWK, as Open Badges 3.0 asks of `kid`. */
export const keyUrl = (baseUrl: string, keyId: string) => `${baseUrl}/badges/keys/${keyId}`;
export const jwksUrl = (baseUrl: string) => `${baseUrl}/.well-known/jwks.json`;
