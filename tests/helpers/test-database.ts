// Tests that need PostgreSQL create their own database (`passerelle_test_<random>`) and drop it after,
// so parallel suites and reruns never share state. Without DATABASE_URL they are skipped with a
// message, unless CI or REQUIRE_TEST_TOOLS=1, where a missing database is a failure.
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';

export const databaseUrl = process.env.DATABASE_URL;

export const skipWithoutDatabase = (() => {
  if (databaseUrl) return false;
  if (process.env.CI === 'true' || process.env.REQUIRE_TEST_TOOLS === '1')
    throw new Error('DATABASE_URL est obligatoire ici (CI) : les tests PostgreSQL ne peuvent pas être ignorés.');
  console.warn(
    'Tests PostgreSQL ignorés : DATABASE_URL n’est pas défini (par exemple DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres).',
  );
  return true;
})();

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `passerelle_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(databaseUrl as string, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(databaseUrl as string);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const cleanup = postgres(databaseUrl as string, { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
