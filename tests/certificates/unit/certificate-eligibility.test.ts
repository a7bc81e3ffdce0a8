import { describe, expect, it } from 'vitest';
import { certificateEligibility } from '../../../server/certificates/certificate-eligibility.ts';

describe('certificate eligibility', () => {
  it('is due only for a completed course without a valid certificate of that version', () => {
    expect(certificateEligibility(undefined, [])).toEqual({ eligible: false, reason: 'not_completed' });
    expect(certificateEligibility({ completedAt: null, courseVersion: 1 }, [])).toEqual({
      eligible: false,
      reason: 'not_completed',
    });
    const done = { completedAt: '2026-11-23T10:00:00Z', courseVersion: 2 };
    expect(certificateEligibility(done, [])).toEqual({ eligible: true });
    expect(certificateEligibility(done, [{ status: 'valid', courseVersion: 2 }])).toEqual({
      eligible: false,
      reason: 'already_issued',
    });
    expect(certificateEligibility(done, [{ status: 'valid', courseVersion: 1 }])).toEqual({ eligible: true });
    expect(certificateEligibility(done, [{ status: 'revoked', courseVersion: 2 }])).toEqual({ eligible: true });
  });
});
