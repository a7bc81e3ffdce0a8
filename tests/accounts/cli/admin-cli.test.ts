import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, signIn, testPassword } from '../../helpers/test-app.ts';

const root = path.resolve(import.meta.dirname, '../../..');
let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'passerelle-cli-'));
});
afterEach(() => rm(dataDir, { recursive: true, force: true }));

/** Runs `npm run admin -- …` as the operator would, on the temporary data directory. */
function runCli(args: string[], stdin = ''): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli/admin-cli.ts', ...args], {
      cwd: root,
      // Not process.env: vitest adds Vite's variables to it, BASE_URL='/' among them.
      env: { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: dataDir },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

const add = ['user', 'add', '--email', 'Zoe@Exemple.org', '--name', 'Zoé Martin', '--role', 'admin'];

describe('npm run admin -- user add', () => {
  it('creates an account with a password read from stdin, usable to sign in once the server starts', async () => {
    expect((await runCli(['structure', 'add', '--code', 'siege', '--name', 'Siège'])).code).toBe(0);
    const result = await runCli([...add, '--structure', 'Siege', '--password-stdin'], `${testPassword}\n`);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout.trim().split('\n')).toEqual([
      'Compte créé : zoe@exemple.org (admin), mot de passe enregistré.',
    ]);

    const t = await createTestApp({ dataDir });
    try {
      const [user] = await t.store.findBy('users', 'email', 'zoe@exemple.org');
      expect(user).toMatchObject({ name: 'Zoé Martin', structure: 'siege', role: 'admin', active: true });
      const agent = await signIn(t, { email: 'zoe@exemple.org' });
      await agent.get('/admin/users').expect(200);
    } finally {
      await t.close();
    }
  });

  it('resets the second factor of a person who lost their phone, recorded in the audit trail', async () => {
    expect((await runCli([...add, '--password-stdin'], `${testPassword}\n`)).code).toBe(0);
    let t = await createTestApp({ dataDir });
    const [user] = await t.store.findBy('users', 'email', 'zoe@exemple.org');
    await t.store.transact((tx) => {
      tx.put('secondFactors', {
        id: user!.id,
        secret: 'JBSWY3DPEHPK3PXP',
        pendingSecret: null,
        confirmedAt: t.now().toISOString(),
        lastStep: null,
        recoveryCodes: [],
      });
    });
    await t.close();
    const result = await runCli(['user', 'reset-mfa', '--email', 'ZOE@exemple.org']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('Double authentification réinitialisée pour zoe@exemple.org');
    t = await createTestApp({ dataDir, config: { mfaRequiredRoles: ['admin'] } });
    try {
      expect(await t.store.get('secondFactors', user!.id)).toBeUndefined();
      const audit = await t.store.findBy('audit', 'actorId', null);
      expect(audit.filter((e) => e.action === 'user.second_factor_reset').map((e) => e.target)).toEqual([user!.id]);
    } finally {
      await t.close();
    }
    const unknown = await runCli(['user', 'reset-mfa', '--email', 'personne@exemple.org']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim()).toBe('Aucun compte avec l’adresse personne@exemple.org.');
  });

  it('prints an invitation link without --password-stdin, then lists the account without its hash', async () => {
    const created = await runCli(add);
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/^Compte créé : zoe@exemple\.org \(admin\)\. .*\/invitations\/[\w-]{20,}\n$/);
    const listed = await runCli(['user', 'list']);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toBe('zoe@exemple.org\tZoé Martin\tadmin\treseau\t\tactif\tinvitation en attente\n');
  });

  it('writes the account, its invitation link and an audit entry in one durable record', async () => {
    expect((await runCli(add)).code).toBe(0);
    const journals = (await readdir(dataDir)).filter((name) => name.startsWith('journal-'));
    const records = (await Promise.all(journals.map((name) => readFile(path.join(dataDir, name), 'utf8'))))
      .flatMap((text) => text.split('\n'))
      .filter((line) => line.includes('"c":"users"'));
    expect(records).toHaveLength(1);
    expect(records[0]).toContain('"c":"tokens"');
    expect(records[0]).toContain('"action":"user.invited"');
  });

  it('refuses an email already used, with one French line and exit code 1', async () => {
    expect((await runCli(add)).code).toBe(0);
    const again = await runCli(add);
    expect(again).toMatchObject({ code: 1, stdout: '' });
    expect(again.stderr).toBe('Un compte existe déjà avec l’adresse zoe@exemple.org.\n');
  });

  it.each([
    [['user', 'add', '--name', 'Zoé', '--role', 'admin'], /^Option --email manquante\./],
    [['user', 'add', '--email', 'zoe', '--name', 'Zoé', '--role', 'admin'], /^--email : Adresse e-mail invalide\.$/],
    [['user', 'add', '--email', 'zoe@exemple.org', '--name', 'Zoé', '--role', 'chef'], /^Rôle inconnu « chef »/],
    [['user', 'add', '--verbose'], /^Option inconnue --verbose\./],
    [['user', 'remove'], /^Usage : npm run admin/],
  ])('explains a wrong command line: %j', async (args, message) => {
    const result = await runCli(args);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr.trim()).toMatch(message);
  });

  it('builds the tree, refusing unknown codes with close ones', async () => {
    expect((await runCli(['structure', 'add', '--code', 'bretagne', '--name', 'Fédération Bretagne'])).code).toBe(0);
    const child = await runCli([
      'structure',
      'add',
      '--code',
      'rennes',
      '--name',
      'Asso Rennes',
      '--parent',
      'bretagne',
    ]);
    expect(child).toMatchObject({ code: 0, stdout: 'Structure créée : Asso Rennes (rennes), sous bretagne.\n' });
    const typo = await runCli([...add, '--structure', 'renes']);
    expect(typo).toMatchObject({
      code: 1,
      stderr: 'Aucune structure n’a le code « renes ». Codes proches : rennes.\n',
    });
    const orphan = await runCli(['structure', 'add', '--code', 'x', '--name', 'X', '--parent', 'bretagn']);
    expect(orphan.stderr).toBe('Aucune structure n’a le code « bretagn ». Codes proches : bretagne.\n');
  }, 60_000);

  it('grants a role on a structure to an account', async () => {
    expect((await runCli(['structure', 'add', '--code', 'bretagne', '--name', 'Fédération Bretagne'])).code).toBe(0);
    expect((await runCli([...add, '--role', 'learner'])).code).toBe(0);
    const granted = await runCli(['grant', '--email', 'zoe@exemple.org', '--role', 'hr', '--structure', 'bretagne']);
    expect(granted).toMatchObject({ code: 0, stderr: '' });
    const badRole = await runCli([
      'grant',
      '--email',
      'zoe@exemple.org',
      '--role',
      'learner',
      '--structure',
      'bretagne',
    ]);
    expect(badRole.stderr).toMatch(/^Rôle inconnu « learner »/);
    const t = await createTestApp({ dataDir });
    try {
      const [zoe] = await t.store.findBy('users', 'email', 'zoe@exemple.org');
      expect(zoe).toMatchObject({ role: 'learner', structure: 'reseau' });
      expect(await t.store.findBy('grants', 'userId', zoe!.id)).toMatchObject([
        { role: 'hr', structureId: 'bretagne' },
      ]);
    } finally {
      await t.close();
    }
  }, 60_000);

  it('refuses a weak password and creates nothing', async () => {
    const weak = await runCli([...add, '--password-stdin'], 'motdepasse123\n');
    expect(weak).toMatchObject({ code: 1 });
    expect(weak.stderr).toMatch(/^Ce mot de passe est trop courant/);
    expect((await runCli(['user', 'list'])).stdout).toBe('Aucun compte.\n');
  });

  it('says to stop the server when it holds the data directory', async () => {
    const t = await createTestApp({ dataDir });
    try {
      const result = await runCli(add);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/est utilisé par le serveur Passerelle \(processus \d+\) : arrêtez le serveur/);
    } finally {
      await t.close();
    }
  });
});
