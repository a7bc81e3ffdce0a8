import type { MessageKey } from '../i18n/fr.ts';
import { fold } from '../shared/fold.ts';

export const minPasswordLength = 12;
export const maxPasswordLength = 200;

// Passwords of 12+ characters that still top the leaked-password lists, French ones included.
const common = new Set(
  [
    '123456789012',
    '1234567890123',
    '12345678901234',
    '123456789123',
    '111111111111',
    '000000000000',
    'qwertyuiopas',
    'qwertyuiop123',
    'azertyuiop12',
    'azertyuiop123',
    'azertyuiopqs',
    'motdepasse12',
    'motdepasse123',
    'motdepasse1234',
    'passwordpassword',
    'password1234',
    'password12345',
    'password123456',
    'iloveyou1234',
    'jetaime123456',
    'soleil123456',
    'bonjour12345',
    'bonjour123456',
    'passerelle123',
    'passerelle2024',
    'passerelle2025',
    'passerelle2026',
    'administrateur',
    'administrator',
    'changeme1234',
    'welcome12345',
    'letmein12345',
    'football1234',
    'qwerty123456',
    'azerty123456',
    'abcdefghijkl',
    'abcdef123456',
    'abc123456789',
    '1q2w3e4r5t6y',
    '1qaz2wsx3edc',
    'zaq12wsxcde3',
    'trustno1trustno1',
    'monmotdepasse',
    'secret123456',
    'formation123',
    'formation2026',
  ].map((p) => p.toLowerCase()),
);

/** Which rule a password breaks, as a dictionary message. */
export interface PasswordWeakness {
  messageKey: MessageKey;
  params?: Record<string, number>;
}

/** The first rule the password breaks, or null when it is acceptable. `personal`: the person's name and email. */
export function checkPasswordStrength(password: string, personal: string[] = []): PasswordWeakness | null {
  if ([...password].length < minPasswordLength)
    return { messageKey: 'accounts.password.tooShort', params: { min: minPasswordLength } };
  if (password.length > maxPasswordLength)
    return { messageKey: 'accounts.password.tooLong', params: { max: maxPasswordLength } };
  const folded = password.toLowerCase();
  if (common.has(folded) || new Set(folded).size <= 3) return { messageKey: 'accounts.password.tooCommon' };
  for (const value of personal) {
    const part = fold(value.split('@')[0] ?? '').trim();
    if (part.length >= 4 && fold(password).includes(part)) return { messageKey: 'accounts.password.personal' };
  }
  return null;
}
