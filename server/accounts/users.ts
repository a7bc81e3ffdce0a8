import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { says } from '../shared/says.ts';
import type { AppStore, AppTx } from '../store/app-collections.ts';
import { EmailTakenError } from './errors.ts';
import { findUserByEmail } from './queries.ts';
import { Role, type User } from './schema.ts';

/** What an admin (or the CLI, or a CSV import) gives to create an account. */
export const NewUser = z.object({
  name: z.string().trim().min(1, says('accounts.user.nameRequired')).max(120, says('accounts.user.nameTooLong')),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(200, says('accounts.user.emailTooLong'))
    .pipe(z.email(says('accounts.user.emailInvalid'))),
  /** The code of the person's structure (server/structures/). */
  structure: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, says('accounts.user.structureRequired'))
    .max(120, says('accounts.user.structureTooLong')),
  matricule: z
    .string()
    .trim()
    .max(40, says('accounts.user.matriculeTooLong'))
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .default(null),
  role: Role.default('learner'),
});
export type NewUser = z.infer<typeof NewUser>;

/** Creates an account inside a transaction; refuses an email already used (emails identify people at sign-in). */
export async function putUser(
  tx: AppTx,
  input: NewUser,
  now: Date,
  passwordHash: string | null = null,
): Promise<Readonly<User>> {
  if (await findUserByEmail(tx, input.email)) throw new EmailTakenError(input.email);
  return tx.put('users', {
    id: randomUUID(),
    ...input,
    passwordHash,
    active: true,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  });
}

export function createUser(
  store: AppStore,
  input: NewUser,
  now: Date,
  passwordHash: string | null = null,
): Promise<Readonly<User>> {
  return store.transact((tx) => putUser(tx, input, now, passwordHash));
}
