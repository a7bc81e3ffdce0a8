import { z } from 'zod';
import { says } from '../../shared/says.ts';

/** A new password typed twice; its strength is the use case's rule. */
export const PasswordFields = z
  .object({ password: z.string().max(200), confirm: z.string().max(200) })
  .refine((f) => f.password === f.confirm, { ...says('accounts.password.mismatch'), path: ['confirm'] });
