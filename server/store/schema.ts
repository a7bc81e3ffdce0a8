// The data Passerelle keeps, one zod schema per collection. Domains import the row types from here;
// `schemaVersion` changes with any incompatible change, with a migration in `migrations`.
import { z } from 'zod';
import { CertificateSnapshot } from '../certificates/certificate-snapshot.ts';
import { type Collections, defineCollection } from './store.ts';

export const schemaVersion = 1;

const IsoDate = z.iso.datetime({ offset: true });

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
});
export type Session = z.infer<typeof Session>;

/** A learner's progress in one module. */
export const ModuleProgress = z.strictObject({
  id: z.string(),
  userId: z.string(),
  course: z.string(),
  module: z.string(),
  courseVersion: z.number().int(),
  contentHash: z.string(),
  firstSeenAt: IsoDate,
  lastSeenAt: IsoDate,
  seconds: z.number().int().min(0),
  readAt: IsoDate.nullable(),
  passedAt: IsoDate.nullable(),
  bestScore: z.number().min(0).max(100).nullable(),
});
export type ModuleProgress = z.infer<typeof ModuleProgress>;

/** A learner's journey through one course: where to resume, when it started and ended. */
export const Enrollment = z.strictObject({
  id: z.string(),
  userId: z.string(),
  course: z.string(),
  courseTitle: z.string(),
  courseVersion: z.number().int(),
  contentHash: z.string(),
  startedAt: IsoDate,
  lastSeenAt: IsoDate,
  lastModule: z.string(),
  completedAt: IsoDate.nullable(),
  finalScore: z.number().min(0).max(100).nullable(),
});
export type Enrollment = z.infer<typeof Enrollment>;

export const Answer = z.union([z.string(), z.array(z.string())]);
export type Answer = z.infer<typeof Answer>;

/** One quiz submission, graded by the server, with the version of the course it was taken on. */
export const Attempt = z.strictObject({
  id: z.string(),
  userId: z.string(),
  course: z.string(),
  module: z.string(),
  courseVersion: z.number().int(),
  contentHash: z.string(),
  createdAt: IsoDate,
  answers: z.record(z.string(), Answer),
  correct: z.record(z.string(), z.boolean()),
  score: z.number().min(0).max(100),
  passMark: z.number(),
  passed: z.boolean(),
});
export type Attempt = z.infer<typeof Attempt>;

/** Who did what to whom: certificate revocations, exports of personal data, role changes. */
export const AuditEntry = z.strictObject({
  id: z.string(),
  at: IsoDate,
  actorId: z.string().nullable(),
  action: z.string(),
  target: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** A completion certificate: the frozen snapshot printed on the PDF, and its lifecycle. */
export const Certificate = z.strictObject({
  id: z.string(),
  /** Unguessable (128 bits), used in the verification URL and the QR code. */
  token: z.string(),
  /** Typeable from paper, `PAS-XXXX-XXXX`. */
  shortCode: z.string(),
  userId: z.string(),
  course: z.string(),
  courseVersion: z.number().int(),
  snapshot: CertificateSnapshot,
  status: z.enum(['valid', 'revoked', 'replaced']),
  statusChangedAt: IsoDate.nullable(),
  statusChangedBy: z.string().nullable(),
  revokeReason: z.string().nullable(),
  replacedBy: z.string().nullable(),
  replaces: z.string().nullable(),
});
export type Certificate = z.infer<typeof Certificate>;

/** One published version of a course (studio publications); its files are kept under `course-versions/`. */
export const CourseVersion = z.strictObject({
  /** `<course>@<version>`. */
  id: z.string(),
  course: z.string(),
  version: z.number().int().min(1),
  /** Null for a version published before the studio (found on disk at the first studio publication). */
  publishedAt: IsoDate.nullable(),
  publishedBy: z.string().nullable(),
  /** Kept so the history still names the author if the account is later removed. */
  publishedByName: z.string().nullable(),
  contentHash: z.string(),
});
export type CourseVersion = z.infer<typeof CourseVersion>;

/** Installation-wide values generated once (the key that signs CSRF tokens). */
export const Setting = z.strictObject({ id: z.string(), value: z.string() });
export type Setting = z.infer<typeof Setting>;

export const collections = {
  users: defineCollection(User, ['email', 'structure', 'role']),
  tokens: defineCollection(Token, ['userId']),
  sessions: defineCollection(Session, ['userId']),
  progress: defineCollection(ModuleProgress, ['userId']),
  enrollments: defineCollection(Enrollment, ['userId', 'course']),
  attempts: defineCollection(Attempt, ['userId']),
  certificates: defineCollection(Certificate, ['userId', 'token', 'shortCode', 'course']),
  audit: defineCollection(AuditEntry, ['actorId']),
  settings: defineCollection(Setting),
  courseVersions: defineCollection(CourseVersion, ['course']),
} satisfies Collections;

export type AppCollections = typeof collections;
