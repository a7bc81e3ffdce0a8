import { z } from 'zod';

/** A date-time as stored: ISO 8601 with its offset (`2026-11-30T09:00:00.000Z`). */
export const IsoDate = z.iso.datetime({ offset: true });
