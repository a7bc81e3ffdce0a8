// The rows of the accounts domain: people, their one-time links, sessions and installation settings.
import { z } from 'zod';
import { IsoDate } from '../shared/iso-date.ts';
import { defineCollection } from '../store/store.ts';

export const roles = ['learner', 'trainer', 'hr', 'admin'] as const;
export const Role = z.enum(roles);
export type Role = z.infer<typeof Role>;

export const User = z.strictObject({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: Role,
  structure: z.string(),
  matricule: z.string().nullable(),
  passwordHash: z.string().nullable(),
  active: z.boolean(),
  createdAt: IsoDate,
  updatedAt: IsoDate,
});
export type User = z.infer<typeof User>;

/** One-time links: invitations, password resets and the first-run setup. Only a hash of the token is kept. */
export const Token = z.strictObject({
  id: z.string(),
  kind: z.enum(['invitation', 'reset', 'setup']),
  userId: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: IsoDate,
  expiresAt: IsoDate,
  usedAt: IsoDate.nullable(),
});
export type Token = z.infer<typeof Token>;

/** A signed-in session; the id is a hash of the cookie value, so a copy of the store cannot hijack it. */
export const Session = z.strictObject({
  id: z.string(),
  userId: z.string(),
  createdAt: IsoDate,
  lastSeenAt: IsoDate,
  /** How the person signed in; absent on sessions from before single sign-on (passwords). */
  method: z.enum(['password', 'oidc']).optional(),
});
export type Session = z.infer<typeof Session>;

/**
 * An account at the identity provider linked to a Passerelle account. The id is a hash of the issuer and
 * the provider's subject, the pair that names the person for good (an e-mail can change hands).
 */
export const Identity = z.strictObject({
  id: z.string(),
  userId: z.string(),
  issuer: z.string(),
  subject: z.string(),
  createdAt: IsoDate,
});
export type Identity = z.infer<typeof Identity>;

/**
 * A sign-in started at the identity provider and not finished yet: what the callback must check. Kept in
 * the store (several instances may serve one person) under a hash of a cookie given to that browser.
 */
export const OidcSignIn = z.strictObject({
  id: z.string(),
  state: z.string(),
  nonce: z.string(),
  codeVerifier: z.string(),
  next: z.string(),
  expiresAt: IsoDate,
});
export type OidcSignIn = z.infer<typeof OidcSignIn>;

/**
 * A person's authenticator (TOTP); the id is the person's. `secret` is the one in use (null until a first
 * code confirmed it); `pendingSecret` is one shown for enrolment and not confirmed yet, so changing phones
 * keeps the old one working until the new one is proven. `lastStep` is the time step of the last code
 * accepted: a code is never accepted twice. Recovery codes are kept as hashes and each removed once used.
 */
export const SecondFactor = z.strictObject({
  id: z.string(),
  secret: z.string().nullable(),
  pendingSecret: z.string().nullable(),
  confirmedAt: IsoDate.nullable(),
  lastStep: z.number().int().nullable(),
  recoveryCodes: z.array(z.string()),
});
export type SecondFactor = z.infer<typeof SecondFactor>;

/** A password checked and a second factor still to give (or to set up), under a hash of a cookie. */
export const MfaChallenge = z.strictObject({
  id: z.string(),
  userId: z.string(),
  next: z.string(),
  expiresAt: IsoDate,
});
export type MfaChallenge = z.infer<typeof MfaChallenge>;

/** A browser where the person asked not to be asked the second factor again, until `expiresAt`. */
export const RememberedDevice = z.strictObject({
  id: z.string(),
  userId: z.string(),
  createdAt: IsoDate,
  expiresAt: IsoDate,
});
export type RememberedDevice = z.infer<typeof RememberedDevice>;

/** Installation-wide values generated once (the key that signs CSRF tokens). */
export const Setting = z.strictObject({ id: z.string(), value: z.string() });
export type Setting = z.infer<typeof Setting>;

export const accountCollections = {
  users: defineCollection(User, ['email', 'structure', 'role'], {
    // What the HR reports read of an account (server/hr/completion-rows-sql.ts).
    types: { name: 'text', email: 'text', matricule: 'text', structure: 'text', role: 'text', active: 'boolean' },
    indexed: ['structure'],
    french: ['name'],
  }),
  tokens: defineCollection(Token, ['userId']),
  sessions: defineCollection(Session, ['userId']),
  settings: defineCollection(Setting),
  identities: defineCollection(Identity, ['userId']),
  oidcSignIns: defineCollection(OidcSignIn),
  secondFactors: defineCollection(SecondFactor),
  mfaChallenges: defineCollection(MfaChallenge),
  rememberedDevices: defineCollection(RememberedDevice, ['userId']),
};

declare module '../store/app-collections.ts' {
  interface CollectionRegistry extends AccountCollections {}
}
type AccountCollections = typeof accountCollections;
