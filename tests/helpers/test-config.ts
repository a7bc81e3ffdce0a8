import path from 'node:path';
import { type Config, loadConfig } from '../../server/config.ts';

export const fixturesDir = path.resolve(import.meta.dirname, '../fixtures');

/**
 * A configuration for tests: quiet logs, the given folders, everything else at its default, except the
 * second factor, required of no role (tests sign HR and admin people in with a password alone; the
 * suites of the second factor ask for it with `mfaRequiredRoles`).
 */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({ NODE_ENV: 'test', LOG_REQUESTS: 'false' }), mfaRequiredRoles: [], ...overrides };
}
