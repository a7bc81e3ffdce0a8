import path from 'node:path';
import { type Config, loadConfig } from '../../server/config.ts';

export const fixturesDir = path.resolve(import.meta.dirname, '../fixtures');

/** A configuration for tests: quiet logs, the given folders, everything else at its default. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({ NODE_ENV: 'test', LOG_REQUESTS: 'false' }), ...overrides };
}
