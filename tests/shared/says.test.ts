import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { says } from '../../server/shared/says.ts';

describe('says', () => {
  it('gives a failed zod check the dictionary’s sentence', () => {
    const result = z.string().min(1, says('accounts.login.emailRequired')).safeParse('');
    expect(result.error?.issues[0]?.message).toBe('Indiquez votre adresse e-mail.');
  });
});
