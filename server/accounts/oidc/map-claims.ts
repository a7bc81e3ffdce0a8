// How the provider's claims become a Passerelle account: the mapping is configuration (OIDC_* variables,
// docs/operations.md), so one installation can read `groups`, another `roles` or an Entra extension.
import type { OidcConfig } from '../../config.ts';
import { normalizeEmail } from '../queries.ts';
import type { Role } from '../schema.ts';
import type { Claims } from './oidc-relying-party.ts';

export interface MappedPerson {
  email?: string;
  emailVerified: boolean;
  name: string;
  /** A structure code: the claim's, or the configured default when the provider sends none. */
  structure: string;
  /** Where the account goes when the claim's code names no structure. */
  defaultStructure: string;
  /** Undefined when no role claim is configured: the account keeps its role (a new one is a learner). */
  role?: Role;
}

/** When several groups give a role, the one with the most rights wins. */
const rank: Record<Role, number> = { learner: 0, trainer: 1, hr: 2, admin: 3 };

const text = (value: unknown, max: number): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, max) : undefined;

/** A claim at a dotted path (`realm_access.roles` in Keycloak), as a list of strings. */
function claimAt(claims: Claims, path: string): unknown {
  if (path in claims) return claims[path];
  let value: unknown = claims;
  for (const part of path.split('.')) value = (value as Record<string, unknown> | undefined)?.[part];
  return value;
}

const asList = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string')
    : typeof value === 'string'
      ? [value]
      : [];

export function mapClaims(claims: Claims, config: OidcConfig): MappedPerson {
  const email = text(claims.email, 200);
  const verified = claims.email_verified === true || claims.email_verified === 'true';
  const fullName = [text(claims.given_name, 60), text(claims.family_name, 60)].filter(Boolean).join(' ');
  const name = text(claimAt(claims, config.claims.name), 120) ?? (fullName || email || claims.sub.slice(0, 120));
  const structure = config.claims.structure
    ? text(claimAt(claims, config.claims.structure), 120)?.toLowerCase()
    : undefined;
  return {
    email: email ? normalizeEmail(email) : undefined,
    emailVerified: Boolean(email) && (verified || config.trustEmail),
    name,
    structure: structure ?? config.defaultStructure,
    defaultStructure: config.defaultStructure,
    role: config.claims.role ? roleFrom(asList(claimAt(claims, config.claims.role)), config) : undefined,
  };
}

function roleFrom(values: string[], config: OidcConfig): Role {
  let role: Role = 'learner';
  for (const { role: candidate, value } of config.claims.roleMap)
    if (values.includes(value) && rank[candidate] > rank[role]) role = candidate;
  return role;
}
