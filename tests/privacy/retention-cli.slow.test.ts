// `npm run retention` in its own process on the embedded store: the dry run lists what is due and
// changes nothing; the real run removes exactly that.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAppStore } from '../../server/open-app-store.ts';
import { repoRoot } from '../helpers/start-server.ts';
import { addUser, createTestApp } from '../helpers/test-app.ts';

const run = promisify(execFile);
const longAgo = new Date(Date.now() - 3 * 365 * 86_400_000).toISOString();

describe('npm run retention', () => {
  let dataDir: string;
  let oldEntry: string;
  let leaverId: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'passerelle-retention-'));
    const t = await createTestApp({ dataDir, start: new Date() });
    try {
      const leaver = await addUser(t, 'learner', { name: 'Léon Départ', active: false });
      leaverId = leaver.id;
      await t.store.transact((tx) => {
        tx.put('users', { ...leaver, active: false, updatedAt: longAgo });
        tx.put('audit', {
          id: 'old-entry',
          at: longAgo,
          actorId: null,
          action: 'user.invited',
          target: null,
          details: {},
        });
      });
      oldEntry = 'old-entry';
    } finally {
      await t.close();
    }
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  const retention = (...args: string[]) =>
    run(process.execPath, ['--import', 'tsx', 'server/cli/retention-cli.ts', ...args], {
      cwd: repoRoot,
      env: { PATH: process.env.PATH, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'error' },
    });

  it('lists with --dry-run what the real run then removes', async () => {
    const dry = await retention('--dry-run');
    expect(dry.stdout).toContain('Simulation');
    expect(dry.stdout).toContain('Comptes désactivés à effacer : 1');
    expect(dry.stdout).toContain(`  ${leaverId}  ${longAgo}`);
    expect(dry.stdout).toContain(`  ${oldEntry}  ${longAgo}`);
    expect(dry.stdout).not.toContain('Léon Départ');
    const listed = dry.stdout.split('\n').filter((l) => l.startsWith('  '));
    const real = await retention();
    expect(real.stdout).toContain('Durées de conservation appliquées');
    expect(real.stdout.split('\n').filter((l) => l.startsWith('  '))).toEqual(listed);
    const store = await openAppStore(dataDir);
    try {
      expect(await store.get('audit', oldEntry)).toBeUndefined();
      expect((await store.get('users', leaverId))!.name).toBe('Personne effacée');
    } finally {
      await store.close();
    }
    expect((await retention('--dry-run')).stdout).toContain('Total : 0 donnée(s).');
  }, 60_000);

  it('refuses an unknown option in French', async () => {
    await expect(retention('--vite')).rejects.toMatchObject({
      stderr: expect.stringContaining('Option inconnue : --vite'),
    });
  });
});
