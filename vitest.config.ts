import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Browser journeys have their own configuration (vitest.e2e.config.ts) and run after the unit tests.
    exclude: [...configDefaults.exclude, 'tests/e2e/**'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
