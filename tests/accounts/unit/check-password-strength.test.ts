import { describe, expect, it } from 'vitest';
import { checkPasswordStrength } from '../../../server/accounts/check-password-strength.ts';

describe('checkPasswordStrength', () => {
  it('accepts a long passphrase', () => {
    expect(checkPasswordStrength('le bateau bleu du port', ['awa@exemple.org', 'Awa Diallo'])).toBeNull();
  });

  it.each([
    ['a 12-character minimum, counted in characters, not bytes', 'éééééééééé1', 'accounts.password.tooShort'],
    ['at most 200 characters', `${'une phrase '.repeat(19)}très longue`, 'accounts.password.tooLong'],
    ['no password from the leaked lists, whatever its case', 'AzertyUiop123', 'accounts.password.tooCommon'],
    ['no password made of three characters or fewer', 'abababababababab', 'accounts.password.tooCommon'],
  ])('requires %s', (_rule, password, messageKey) => {
    expect(checkPasswordStrength(password)?.messageKey).toBe(messageKey);
  });

  it('gives the minimum length to show in the message', () => {
    expect(checkPasswordStrength('court')).toEqual({ messageKey: 'accounts.password.tooShort', params: { min: 12 } });
  });

  it('refuses the name or the email’s local part, whatever the accents and case', () => {
    const personal = ['zoe.martin@exemple.org', 'Zoé Martin'];
    expect(checkPasswordStrength('ZOE.MARTIN et son chat', personal)?.messageKey).toBe('accounts.password.personal');
    expect(checkPasswordStrength('bonjour zoé martin !', personal)?.messageKey).toBe('accounts.password.personal');
  });

  it('ignores personal values of fewer than 4 characters', () => {
    expect(checkPasswordStrength('le bateau bleu du port', ['bo@exemple.org', 'Bo'])).toBeNull();
  });
});
