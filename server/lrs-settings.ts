// The settings of the xAPI forwarder to a learning record store (server/lrs/); parsed with the rest of
// the environment in config.ts. Without LRS_ENDPOINT nothing is queued and nothing is sent.
import { z } from 'zod';

export interface LrsConfig {
  /** The LRS's xAPI base address; statements are POSTed to `<endpoint>/statements`. */
  endpoint: string;
  /** Basic authentication: the key and secret the LRS gave for Passerelle. */
  key: string;
  secret: string;
  /** A statement is marked failed after this many attempts. */
  maxAttempts: number;
  /** The wait after the first failed attempt; it doubles at each failure (capped at six hours). */
  retrySeconds: number;
  /** How long a batch claimed by a worker is reserved to it; the HTTP time limit is derived from it. */
  leaseSeconds: number;
}

export const lrsEnv = {
  LRS_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  LRS_KEY: z.string().min(1).max(400).optional(),
  LRS_SECRET: z.string().min(1).max(2000).optional(),
  LRS_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(10),
  LRS_RETRY_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  LRS_LEASE_SECONDS: z.coerce.number().int().min(2).max(3_600).default(120),
};

export const lrsHints: Record<keyof typeof lrsEnv, string> = {
  LRS_ENDPOINT: 'l’adresse https:// de l’entrepôt xAPI (celle qui précède /statements)',
  LRS_KEY: 'la clé (identifiant) donnée par l’entrepôt xAPI',
  LRS_SECRET: 'le secret donné par l’entrepôt xAPI',
  LRS_MAX_ATTEMPTS: 'un nombre d’essais entre 1 et 50',
  LRS_RETRY_SECONDS: 'un nombre de secondes entre 1 et 86400',
  LRS_LEASE_SECONDS: 'un nombre de secondes entre 2 et 3600',
};

type LrsEnv = z.infer<z.ZodObject<typeof lrsEnv>>;

const loopbackHost = /^(127\.[\d.]+|localhost|\[::1\])$/;

/** The forwarder's settings, none without LRS_ENDPOINT, or the French line that says what is wrong. */
export function lrsConfig(e: LrsEnv): { lrs?: LrsConfig; problem?: string } {
  if (!e.LRS_ENDPOINT && !e.LRS_KEY && !e.LRS_SECRET) return {};
  if (!e.LRS_ENDPOINT || !e.LRS_KEY || !e.LRS_SECRET)
    return {
      problem:
        'Configuration invalide : l’envoi vers un entrepôt xAPI demande les trois variables LRS_ENDPOINT, LRS_KEY et LRS_SECRET.',
    };
  // Plain HTTP only on this machine (a test, a local LRS): elsewhere the key and secret would travel in clear.
  const url = new URL(e.LRS_ENDPOINT);
  if (url.protocol !== 'https:' && !loopbackHost.test(url.hostname))
    return {
      problem: `Configuration invalide : la variable LRS_ENDPOINT vaut « ${e.LRS_ENDPOINT} », attendu une adresse https://.`,
    };
  return {
    lrs: {
      endpoint: e.LRS_ENDPOINT.replace(/\/+$/, ''),
      key: e.LRS_KEY,
      secret: e.LRS_SECRET,
      maxAttempts: e.LRS_MAX_ATTEMPTS,
      retrySeconds: e.LRS_RETRY_SECONDS,
      leaseSeconds: e.LRS_LEASE_SECONDS,
    },
  };
}
