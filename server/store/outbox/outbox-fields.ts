// What every durable outbox row carries, whatever it delivers (an e-mail, an xAPI statement): its state,
// its attempts and back-off, and the lease of the worker delivering it (decision 010). A domain's row
// schema spreads `outboxFields` and registers the collection with an index on `status`.
import { z } from 'zod';
import { IsoDate } from '../../shared/iso-date.ts';

export const outboxStatuses = ['queued', 'sending', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];

export const outboxFields = {
  status: z.enum(outboxStatuses),
  /** Attempts started, including one cut short by a crash (its lease ran out). */
  attempts: z.number().int().min(0),
  /** A queued row is not delivered before this time (back-off after a failure). */
  notBefore: IsoDate,
  /** While `sending`: which worker claimed it and until when; another worker may take it over after. */
  leaseOwner: z.string().nullable(),
  leaseUntil: IsoDate.nullable(),
  lastError: z.string().nullable(),
  createdAt: IsoDate,
  updatedAt: IsoDate,
  sentAt: IsoDate.nullable(),
};

export interface OutboxRow {
  id: string;
  status: OutboxStatus;
  attempts: number;
  notBefore: string;
  leaseOwner: string | null;
  leaseUntil: string | null;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
  sentAt: string | null;
}

/** The outbox fields of a row queued now, due at once. */
export function freshOutboxFields(now: Date) {
  const at = now.toISOString();
  return {
    status: 'queued' as const,
    attempts: 0,
    notBefore: at,
    leaseOwner: null,
    leaseUntil: null,
    lastError: null,
    createdAt: at,
    updatedAt: at,
    sentAt: null,
  };
}
