import { fold } from '../shared/fold.ts';

export const minPasswordLength = 12;

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

/** Returns a French reason when the password is too weak, or null when it is acceptable. */
export function checkPasswordStrength(password: string, personal: string[] = []): string | null {
  if ([...password].length < minPasswordLength)
    return `Le mot de passe doit contenir au moins ${minPasswordLength} caractères.`;
  if (password.length > 200) return 'Le mot de passe est trop long (200 caractères au plus).';
  const folded = password.toLowerCase();
  if (common.has(folded) || new Set(folded).size <= 3)
    return 'Ce mot de passe est trop courant ou trop simple. Choisissez-en un autre, par exemple une phrase de plusieurs mots.';
  for (const value of personal) {
    const part = fold(value.split('@')[0] ?? '').trim();
    if (part.length >= 4 && fold(password).includes(part))
      return 'Le mot de passe ne doit pas contenir votre nom ou votre adresse e-mail.';
  }
  return null;
}
