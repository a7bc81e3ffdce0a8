import { configDefaults, defineConfig } from 'vitest/config';

// Suites that start other processes or external tools (the SIGKILL crash test, CLIs, real servers,
// nginx, poppler reading PDFs). They form the `slow` project, which runs after the `fast` one; for the
// inner loop, `npx vitest run --project fast`. A new slow suite is named `*.slow.test.ts`; the others
// are listed by file name so that they stay slow wherever their folder moves.
const slow = [
  'tests/**/*.slow.test.ts',
  'tests/**/admin-cli.test.ts',
  'tests/**/render-certificate-pdf.test.ts',
  'tests/**/certificate-lifecycle.test.ts',
  'tests/**/start-and-stop.test.ts',
  'tests/**/graceful-shutdown.test.ts',
  'tests/deploy/**/*.test.ts',
];

// Browser journeys have their own configuration (vitest.e2e.config.ts) and run after the unit tests.
const exclude = [...configDefaults.exclude, 'tests/e2e/**'];

export default defineConfig({
  test: {
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'fast',
          include: ['tests/**/*.test.ts'],
          exclude: [...exclude, ...slow],
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'slow',
          include: slow,
          exclude,
          sequence: { groupOrder: 1 },
          // One file at a time: these start servers and workers and some measure latency, which a
          // neighbour file loading both cores would distort.
          maxWorkers: 1,
        },
      },
    ],
  },
});
