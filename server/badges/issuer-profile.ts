import { issuerUrl, openBadgesContext, vcContext } from './badge-urls.ts';

/** The organisation that signs, as an Open Badges `Profile` (ORG_NAME, BASE_URL). */
export function issuerProfile(org: { name: string }, baseUrl: string) {
  return { id: issuerUrl(baseUrl), type: ['Profile'], name: org.name, url: baseUrl };
}

/** The profile as a document of its own, for its public address. */
export function issuerDocument(org: { name: string }, baseUrl: string) {
  return { '@context': [vcContext, openBadgesContext], ...issuerProfile(org, baseUrl) };
}
