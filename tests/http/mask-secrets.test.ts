import { describe, expect, it } from 'vitest';
import { maskSecrets } from '../../server/http/mask-secrets.ts';

describe('maskSecrets', () => {
  it.each([
    ['/invitations/Zx9-tok', '/invitations/…'],
    ['/reset/abc/extra', '/reset/…/extra'],
    ['/setup?token=abc', '/setup?token=…'],
    ['/verify/abcdef', '/verify/…'],
    ['/hr?structure=Accueil&from=2026-01-01', '/hr?structure=…&from=…'],
    ['/courses/demo', '/courses/demo'],
  ])('writes %s as %s', (url, masked) => {
    expect(maskSecrets(url)).toBe(masked);
  });
});
