import path from 'node:path';
import { z } from 'zod';
import { type LrsConfig, lrsConfig, lrsEnv, lrsHints } from './lrs-settings.ts';
import type { MailConfig, ReminderConfig } from './mail-settings.ts';
import type { OidcConfig } from './oidc-settings.ts';
import { type PrivacyConfig, privacyConfig, privacyEnv, privacyHints } from './privacy-settings.ts';
import { booleanFlag } from './shared/boolean-flag.ts';
import { rootCode, structureCodePattern } from './structures/schema.ts';

export type { LrsConfig } from './lrs-settings.ts';
export type { MailConfig, ReminderConfig } from './mail-settings.ts';
export type { OidcConfig } from './oidc-settings.ts';

/** A claim of the ID token or user info, e.g. `name`, `groups`, `extension_structure`. */
const claimName = z.string().regex(/^[\w.:-]{1,100}$/);
/** `role=value` pairs separated by commas: `admin=passerelle-admins,hr=passerelle-rh`. */
const roleMapPattern = /^(learner|trainer|hr|admin)=[^,=]+(,(learner|trainer|hr|admin)=[^,=]+)*$/;

/** Environment variables read at start-up; each has a French description used in error messages. */
const EnvSchema = z.object({
  NODE_ENV: z.enum(['production', 'development', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  COURSES_DIR: z.string().min(1).default('./courses'),
  BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  REQUIRE_LOGIN: booleanFlag.default(false),
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  ORG_NAME: z.string().min(1).max(120).default('Passerelle'),
  ORG_CITY: z.string().min(1).max(80).default('Paris'),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(1440).default(120),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(720).default(12),
  LOG_REQUESTS: booleanFlag.default(true),
  LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug']).default('info'),
  SHUTDOWN_TIMEOUT: z.coerce.number().int().min(1).max(600).default(10),
  COURSE_CHECK_TIMEOUT_MS: z.coerce.number().int().min(1).max(60_000).default(2_000),
  ACCESSIBILITY_CONTACT: z.string().trim().min(1).max(200).default('l’administrateur de votre structure'),
  XAPI_ACTOR: z.enum(['account', 'email']).default('account'),
  PASSWORD_LOGIN: booleanFlag.default(true),
  MFA_REQUIRED_ROLES: z
    .string()
    .trim()
    .regex(/^(none|(learner|trainer|hr|admin)(,(learner|trainer|hr|admin))*)$/)
    .default('hr,admin'),
  OIDC_ISSUER: z.url({ protocol: /^https?$/ }).optional(),
  OIDC_CLIENT_ID: z.string().trim().min(1).max(400).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).max(2000).optional(),
  OIDC_SCOPES: z
    .string()
    .trim()
    .regex(/^[\x21-\x7e]+( [\x21-\x7e]+)*$/)
    .refine((s) => s.split(' ').includes('openid'))
    .default('openid email profile'),
  OIDC_BUTTON_LABEL: z.string().trim().min(1).max(80).default('Se connecter avec le compte de ma structure'),
  OIDC_NAME_CLAIM: claimName.default('name'),
  OIDC_STRUCTURE_CLAIM: claimName.optional(),
  OIDC_DEFAULT_STRUCTURE: z.string().trim().toLowerCase().regex(structureCodePattern).optional(),
  OIDC_ROLE_CLAIM: claimName.optional(),
  OIDC_ROLE_MAP: z.string().trim().regex(roleMapPattern).optional(),
  OIDC_TRUST_EMAIL: booleanFlag.default(false),
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  MAIL_FROM: z.string().trim().min(3).max(200).optional(),
  MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  MAIL_RETRY_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  MAIL_LEASE_SECONDS: z.coerce.number().int().min(2).max(3_600).default(300),
  REMINDER_DAYS_BEFORE: z.coerce.number().int().min(0).max(60).default(7),
  REMINDER_LATE_EVERY_DAYS: z.coerce.number().int().min(1).max(60).default(7),
  REMINDER_MAX: z.coerce.number().int().min(0).max(20).default(4),
  DAILY_JOB_HOUR: z.coerce.number().int().min(0).max(23).default(7),
  ...lrsEnv,
  ...privacyEnv,
});

const hints: Record<string, string> = {
  NODE_ENV: 'production, development ou test',
  PORT: 'un nombre entier entre 1 et 65535',
  HOST: 'une adresse d’écoute, par exemple 127.0.0.1 ou 0.0.0.0',
  BASE_URL: 'une adresse complète commençant par http:// ou https://',
  DATABASE_URL: 'une adresse postgres://utilisateur:mot-de-passe@hôte:5432/base',
  REQUIRE_LOGIN: 'true ou false',
  TRUST_PROXY: 'le nombre de proxys devant le serveur (0 à 10)',
  SESSION_IDLE_MINUTES: 'un nombre de minutes entre 5 et 1440',
  SESSION_MAX_HOURS: 'un nombre d’heures entre 1 et 720',
  LOG_REQUESTS: 'true ou false',
  LOG_FORMAT: 'json ou pretty',
  LOG_LEVEL: 'fatal, error, warn, info ou debug',
  SHUTDOWN_TIMEOUT: 'un nombre de secondes entre 1 et 600',
  COURSE_CHECK_TIMEOUT_MS: 'un nombre de millisecondes entre 1 et 60000',
  ACCESSIBILITY_CONTACT: 'une adresse e-mail, une page web ou un texte de 200 caractères au plus',
  XAPI_ACTOR: 'account (identifiant opaque, par défaut) ou email',
  PASSWORD_LOGIN: 'true ou false',
  MFA_REQUIRED_ROLES: 'des rôles séparés par des virgules (learner, trainer, hr, admin), ou none',
  OIDC_ISSUER: 'l’adresse https:// du fournisseur d’identité (celle qui précède /.well-known/openid-configuration)',
  OIDC_CLIENT_ID: 'l’identifiant du client enregistré chez le fournisseur d’identité',
  OIDC_CLIENT_SECRET: 'le secret du client enregistré chez le fournisseur d’identité',
  OIDC_SCOPES: 'des portées séparées par une espace, dont openid, par exemple « openid email profile »',
  OIDC_BUTTON_LABEL: 'un texte de 80 caractères au plus',
  OIDC_NAME_CLAIM: 'un nom de revendication (lettres, chiffres, . : _ -), par exemple name',
  OIDC_STRUCTURE_CLAIM: 'un nom de revendication (lettres, chiffres, . : _ -)',
  OIDC_DEFAULT_STRUCTURE: 'un code de structure (lettres minuscules, chiffres et tirets)',
  OIDC_ROLE_CLAIM: 'un nom de revendication (lettres, chiffres, . : _ -), par exemple groups',
  OIDC_ROLE_MAP:
    'des paires rôle=valeur séparées par des virgules, par exemple admin=passerelle-admins,hr=passerelle-rh',
  OIDC_TRUST_EMAIL: 'true ou false',
  SMTP_URL: 'une adresse smtp://utilisateur:mot-de-passe@hôte:587 (STARTTLS) ou smtps://…:465 (TLS implicite)',
  MAIL_FROM: 'l’expéditeur des e-mails, par exemple « Passerelle <formation@exemple.org> »',
  MAIL_MAX_ATTEMPTS: 'un nombre d’essais entre 1 et 50',
  MAIL_RETRY_SECONDS: 'un nombre de secondes entre 1 et 86400',
  MAIL_LEASE_SECONDS: 'un nombre de secondes entre 2 et 3600',
  REMINDER_DAYS_BEFORE: 'un nombre de jours entre 0 (pas de rappel avant) et 60',
  REMINDER_LATE_EVERY_DAYS: 'un nombre de jours entre 1 et 60',
  REMINDER_MAX: 'un nombre de rappels entre 0 (aucun) et 20',
  DAILY_JOB_HOUR: 'une heure entre 0 et 23 (heure de Paris)',
  ...lrsHints,
  ...privacyHints,
};

const secretVariables = new Set(['DATABASE_URL', 'OIDC_CLIENT_SECRET', 'SMTP_URL', 'LRS_SECRET']);

export interface Config {
  env: 'production' | 'development' | 'test';
  port: number;
  host: string;
  dataDir: string;
  /** When set, the store is PostgreSQL (several instances may share it); otherwise the journal in dataDir. */
  databaseUrl?: string;
  coursesDir: string;
  baseUrl: string;
  requireLogin: boolean;
  trustProxy: number;
  org: { name: string; city: string };
  sessionIdleMinutes: number;
  /** A session ends this long after sign-in, however active it is. */
  sessionMaxHours: number;
  logRequests: boolean;
  /** JSON lines for log shippers; `pretty` for a person at a terminal (the default when stdout is one). */
  logFormat: 'json' | 'pretty';
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug';
  /** Seconds given to requests in flight at SIGTERM before their connections are cut. */
  shutdownTimeoutSeconds: number;
  /** Time given to check and render a trainer's course text (in a worker) before it is refused as too slow. */
  courseCheckTimeoutMs: number;
  /** Who answers accessibility feedback (statement page): an e-mail, a web address or a description. */
  accessibilityContact: string;
  /** True when the public address is HTTPS: secure cookies and HSTS only then. */
  secure: boolean;
  /** How xAPI statements name a learner: an opaque account id, or (only if chosen) the e-mail. */
  xapiActor: 'account' | 'email';
  /** False when people sign in only through the identity provider (the setup link and the CLI still work). */
  passwordLogin: boolean;
  /** Single sign-on with the organisation's OpenID Connect provider, when configured. */
  oidc?: OidcConfig;
  /** Roles that must give a second factor (TOTP) after their password; everyone else may choose to. */
  mfaRequiredRoles: ReadonlyArray<'learner' | 'trainer' | 'hr' | 'admin'>;
  /** Sending e-mail; absent without SMTP_URL (links are then shown to the admin to pass on). */
  mail?: MailConfig;
  /** Reminders of assigned trainings, sent by the daily job (only when e-mail is configured). */
  reminders: ReminderConfig;
  /** Forwarding xAPI statements to a learning record store; absent without LRS_ENDPOINT. */
  lrs?: LrsConfig;
  /** Personal data: the contact for requests, retention periods, what an erasure keeps. */
  privacy: PrivacyConfig;
}

export class ConfigError extends Error {}

/** Parses the environment; a bad value throws one French line naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const cleaned = Object.fromEntries(
    Object.keys(EnvSchema.shape).flatMap((k) => (env[k] === undefined || env[k] === '' ? [] : [[k, env[k]]])),
  );
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0]);
    // A value that may hold a password is never repeated in the message (it ends up in logs).
    const shown = secretVariables.has(name) ? 'une valeur invalide' : `« ${env[name]} »`;
    throw new ConfigError(
      `Configuration invalide : la variable ${name} vaut ${shown}, attendu ${hints[name] ?? 'une valeur valide'}.`,
    );
  }
  const e = parsed.data;
  if (e.SMTP_URL && !e.MAIL_FROM)
    throw new ConfigError(
      `Configuration invalide : SMTP_URL est définie mais pas MAIL_FROM, attendu ${hints.MAIL_FROM}.`,
    );
  const baseUrl = (e.BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  const oidc = oidcConfig(e, baseUrl);
  if (!e.PASSWORD_LOGIN && !oidc)
    throw new ConfigError(
      'Configuration invalide : PASSWORD_LOGIN=false demande une connexion unique (OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET), sinon personne ne pourrait se connecter.',
    );
  const { lrs, problem } = lrsConfig(e);
  if (problem) throw new ConfigError(problem);
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(cwd, e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    coursesDir: path.resolve(cwd, e.COURSES_DIR),
    baseUrl,
    requireLogin: e.REQUIRE_LOGIN,
    trustProxy: e.TRUST_PROXY,
    org: { name: e.ORG_NAME, city: e.ORG_CITY },
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionMaxHours: e.SESSION_MAX_HOURS,
    logRequests: e.LOG_REQUESTS,
    logFormat: e.LOG_FORMAT ?? (process.stdout.isTTY ? 'pretty' : 'json'),
    logLevel: e.LOG_LEVEL,
    shutdownTimeoutSeconds: e.SHUTDOWN_TIMEOUT,
    courseCheckTimeoutMs: e.COURSE_CHECK_TIMEOUT_MS,
    accessibilityContact: e.ACCESSIBILITY_CONTACT,
    secure: baseUrl.startsWith('https://'),
    xapiActor: e.XAPI_ACTOR,
    passwordLogin: e.PASSWORD_LOGIN,
    oidc,
    mfaRequiredRoles:
      e.MFA_REQUIRED_ROLES === 'none'
        ? []
        : [...new Set(e.MFA_REQUIRED_ROLES.split(',') as Array<'learner' | 'trainer' | 'hr' | 'admin'>)],
    mail: e.SMTP_URL
      ? {
          smtpUrl: e.SMTP_URL,
          from: e.MAIL_FROM!,
          maxAttempts: e.MAIL_MAX_ATTEMPTS,
          retrySeconds: e.MAIL_RETRY_SECONDS,
          leaseSeconds: e.MAIL_LEASE_SECONDS,
        }
      : undefined,
    reminders: {
      daysBefore: e.REMINDER_DAYS_BEFORE,
      lateEveryDays: e.REMINDER_LATE_EVERY_DAYS,
      max: e.REMINDER_MAX,
      dailyJobHour: e.DAILY_JOB_HOUR,
    },
    lrs,
    privacy: privacyConfig(e),
  };
}

const loopbackHost = /^(127\.[\d.]+|localhost|\[::1\])$/;

function oidcConfig(e: z.infer<typeof EnvSchema>, baseUrl: string): OidcConfig | undefined {
  const given = [e.OIDC_ISSUER, e.OIDC_CLIENT_ID, e.OIDC_CLIENT_SECRET];
  if (given.every((v) => v === undefined)) return undefined;
  if (!e.OIDC_ISSUER || !e.OIDC_CLIENT_ID || !e.OIDC_CLIENT_SECRET)
    throw new ConfigError(
      'Configuration invalide : la connexion unique demande les trois variables OIDC_ISSUER, OIDC_CLIENT_ID et OIDC_CLIENT_SECRET.',
    );
  const issuer = new URL(e.OIDC_ISSUER);
  // Plain HTTP only for a provider on this machine (a test, a local Keycloak): elsewhere tokens would travel in clear.
  if (issuer.protocol !== 'https:' && !loopbackHost.test(issuer.hostname))
    throw new ConfigError(
      `Configuration invalide : la variable OIDC_ISSUER vaut « ${e.OIDC_ISSUER} », attendu une adresse https://.`,
    );
  if (e.OIDC_ROLE_MAP && !e.OIDC_ROLE_CLAIM)
    throw new ConfigError('Configuration invalide : OIDC_ROLE_MAP demande OIDC_ROLE_CLAIM (par exemple groups).');
  const roleMap = (e.OIDC_ROLE_MAP ?? '').split(',').flatMap((pair) => {
    const [role, value] = pair.split('=') as ['learner' | 'trainer' | 'hr' | 'admin', string];
    return pair ? [{ role, value: value.trim() }] : [];
  });
  return {
    issuer: e.OIDC_ISSUER,
    clientId: e.OIDC_CLIENT_ID,
    clientSecret: e.OIDC_CLIENT_SECRET,
    scopes: e.OIDC_SCOPES,
    buttonLabel: e.OIDC_BUTTON_LABEL,
    redirectUri: `${baseUrl}/login/oidc/callback`,
    claims: { name: e.OIDC_NAME_CLAIM, structure: e.OIDC_STRUCTURE_CLAIM, role: e.OIDC_ROLE_CLAIM, roleMap },
    defaultStructure: e.OIDC_DEFAULT_STRUCTURE ?? rootCode,
    trustEmail: e.OIDC_TRUST_EMAIL,
  };
}
