import { describe, expect, it } from 'vitest';
import type { Role } from '../../../server/accounts/schema.ts';
import {
  canManageCertificates,
  canSeeCertificate,
  showsHolderPublicly,
} from '../../../server/certificates/can-see-certificate.ts';

const certificate = { userId: 'zoe' };
const person = (id: string, role: Role) => ({ id, role });

describe('who may see a certificate', () => {
  it('lets its holder see it, whatever their role', () => {
    for (const role of ['learner', 'trainer', 'hr', 'admin'] as const) {
      expect(canSeeCertificate(person('zoe', role), certificate)).toBe(true);
    }
  });

  it('lets HR and admins see anyone’s, and no other learner or trainer', () => {
    expect(canSeeCertificate(person('rose', 'hr'), certificate)).toBe(true);
    expect(canSeeCertificate(person('ada', 'admin'), certificate)).toBe(true);
    expect(canSeeCertificate(person('léo', 'learner'), certificate)).toBe(false);
    expect(canSeeCertificate(person('tom', 'trainer'), certificate)).toBe(false);
  });
});

describe('who may revoke and re-issue certificates', () => {
  it('is HR and admins only, never a visitor', () => {
    expect(canManageCertificates(person('rose', 'hr'))).toBe(true);
    expect(canManageCertificates(person('ada', 'admin'))).toBe(true);
    expect(canManageCertificates(person('zoe', 'learner'))).toBe(false);
    expect(canManageCertificates(person('tom', 'trainer'))).toBe(false);
    expect(canManageCertificates(undefined)).toBe(false);
  });
});

describe('what the public verification page tells about the holder', () => {
  it('names them only while the certificate is valid', () => {
    expect(showsHolderPublicly({ status: 'valid' })).toBe(true);
    expect(showsHolderPublicly({ status: 'revoked' })).toBe(false);
    expect(showsHolderPublicly({ status: 'replaced' })).toBe(false);
  });
});
