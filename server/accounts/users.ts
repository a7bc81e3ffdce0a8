import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { AppCollections, AppStore } from '../store/app-collections.ts';
import type { Tx } from '../store/store.ts';
import { Role, type User } from './schema.ts';

export class EmailTakenError extends Error {
  override readonly name = 'EmailTakenError';
}

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

/** What an admin (or the CLI, or a CSV import) gives to create an account. */
export const NewUser = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'Indiquez le nom tel qu’il apparaîtra sur les attestations.')
    .max(120, 'Nom trop long (120 caractères au plus).'),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(200, 'Adresse e-mail trop longue.')
    .pipe(z.email('Adresse e-mail invalide.')),
  structure: z
    .string()
    .trim()
    .min(1, 'Indiquez la structure (établissement ou service).')
    .max(120, 'Structure trop longue (120 caractères au plus).'),
  matricule: z
    .string()
    .trim()
    .max(40, 'Matricule trop long (40 caractères au plus).')
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .default(null),
  role: Role.default('learner'),
});
export type NewUser = z.infer<typeof NewUser>;

export async function findUserByEmail(store: AppStore, email: string): Promise<Readonly<User> | undefined> {
  return (await store.findBy('users', 'email', normalizeEmail(email)))[0];
}

/** Creates an account inside a transaction; refuses an email already used (emails identify people at sign-in). */
export async function putUser(
  tx: Tx<AppCollections>,
  input: NewUser,
  now: Date,
  passwordHash: string | null = null,
): Promise<Readonly<User>> {
  if ((await tx.findBy('users', 'email', input.email)).length > 0) throw new EmailTakenError(input.email);
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

export async function hasActiveAdmin(store: AppStore): Promise<boolean> {
  return (await store.findBy('users', 'role', 'admin')).some((u) => u.active);
}
