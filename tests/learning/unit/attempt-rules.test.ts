import { describe, expect, it } from 'vitest';
import { attemptResultRules, attemptsExhausted } from '../../../server/learning/attempt-rules.ts';

const failed = { passed: false };
const passed = { passed: true };

describe('the attempts a quiz allows', () => {
  it('are used up once as many attempts as allowed are recorded', () => {
    expect(attemptsExhausted({ maxAttempts: 3 }, [failed, failed])).toBe(false);
    expect(attemptsExhausted({ maxAttempts: 3 }, [failed, failed, failed])).toBe(true);
    expect(attemptsExhausted({ maxAttempts: 1 }, [passed])).toBe(true);
  });

  it('are never used up when the quiz sets no limit', () => {
    expect(attemptsExhausted({ maxAttempts: 0 }, Array(100).fill(failed))).toBe(false);
  });
});

describe('the result page of an attempt', () => {
  it('hides the key and offers to try again after a failure while attempts remain', () => {
    expect(attemptResultRules({ maxAttempts: 3 }, [failed], failed)).toEqual({ revealKey: false, canRetry: true });
    expect(attemptResultRules({ maxAttempts: 0 }, [failed, failed], failed)).toEqual({
      revealKey: false,
      canRetry: true,
    });
  });

  it('reveals the key once the quiz has been passed, even on an older failed attempt', () => {
    expect(attemptResultRules({ maxAttempts: 3 }, [failed, passed], passed)).toEqual({
      revealKey: true,
      canRetry: false,
    });
    expect(attemptResultRules({ maxAttempts: 3 }, [failed, passed], failed)).toEqual({
      revealKey: true,
      canRetry: true,
    });
  });

  it('reveals the key and offers no retry once the attempts are used up', () => {
    expect(attemptResultRules({ maxAttempts: 2 }, [failed, failed], failed)).toEqual({
      revealKey: true,
      canRetry: false,
    });
  });
});
