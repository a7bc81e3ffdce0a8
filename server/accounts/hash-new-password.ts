import { checkPasswordStrength } from './check-password-strength.ts';
import { WeakPasswordError } from './errors.ts';
import { hashPassword } from './password.ts';

/**
 * The hash of a password a person chooses, once it passes the strength rules (else WeakPasswordError).
 * Called before the transaction that stores it: argon2 takes tens of milliseconds.
 */
export async function hashNewPassword(password: string, person: { email: string; name: string }): Promise<string> {
  const weakness = checkPasswordStrength(password, [person.email, person.name]);
  if (weakness) throw new WeakPasswordError(weakness);
  return hashPassword(password);
}
