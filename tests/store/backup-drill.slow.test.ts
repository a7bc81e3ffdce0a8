// The drill of docs/operations.md (« Sauvegarder et restaurer »), end to end: a real server records a
// learner's progress, `npm run backup` copies its data while it runs, and a second server started on
// the copy shows that learner the same progress.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { type RunningServer, repoRoot, startServer } from '../helpers/start-server.ts';
import { addUser, createTestApp, csrfOf, testPassword } from '../helpers/test-app.ts';

const learner = { name: 'Zoé Lefèvre', email: 'zoe.lefevre@exemple.org' };
const servers: RunningServer[] = [];
let backupRoot: string | undefined;

afterAll(async () => {
  for (const server of servers) await server.stop();
  if (backupRoot) await rm(backupRoot, { recursive: true, force: true });
});

async function seedLearner(dataDir: string): Promise<void> {
  const t = await createTestApp({ dataDir });
  try {
    await addUser(t, 'learner', learner);
  } finally {
    await t.close();
  }
}

async function signInAt(server: RunningServer) {
  const agent = request.agent(server.baseUrl);
  const page = await agent.get('/login').expect(200);
  await agent
    .post('/login')
    .type('form')
    .send({ _csrf: csrfOf(page.text), email: learner.email, password: testPassword, next: '/me' })
    .expect(303);
  return agent;
}

/** What « Mon parcours » says of the learner's progress: modules done, and the quiz attempts listed. */
async function progressSeenAt(server: RunningServer) {
  const agent = await signInAt(server);
  const me = await agent.get('/me').expect(200);
  return {
    modules: /(\d+) modules? terminés? sur (\d+)/.exec(me.text)?.slice(1),
    attempts: [...me.text.matchAll(/\/attempts\/([\w-]+)/g)].map((match) => match[1]),
  };
}

/** `npm run backup -- <target>`, as the operator runs it next to the live server. */
async function runBackup(dataDir: string, target: string): Promise<{ code: number | null; output: string }> {
  const cli = spawn(process.execPath, ['--import', 'tsx', 'server/cli/backup-cli.ts', target], {
    cwd: repoRoot,
    env: { ...process.env, DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  cli.stdout.on('data', (chunk) => {
    output += chunk;
  });
  cli.stderr.on('data', (chunk) => {
    output += chunk;
  });
  const [code] = (await once(cli, 'close')) as [number | null];
  return { code, output };
}

describe('backup and restore drill', () => {
  it('restores, on a second server started on a backup taken while the first one ran, the progress a learner recorded', async () => {
    const live = await startServer({ seed: seedLearner });
    servers.push(live);

    // The learner reads the first module and passes its quiz, over HTTP.
    const agent = await signInAt(live);
    const module = await agent.get('/courses/demo/premier').expect(200);
    await agent
      .post('/courses/demo/premier/quiz')
      .type('form')
      .send({ _csrf: csrfOf(module.text), q1: 'c2', q2: ['c1', 'c2'], q3: 'c2', q4: 'WhatsApp' })
      .expect(200);
    const before = await progressSeenAt(live);
    expect(before.modules).toEqual(['1', '2']);
    expect(before.attempts).toHaveLength(1);

    backupRoot = await mkdtemp(path.join(os.tmpdir(), 'passerelle-backup-'));
    const copy = path.join(backupRoot, 'sauvegarde');
    const backup = await runBackup(live.dataDir, copy);
    expect(backup.code, backup.output).toBe(0);
    expect(backup.output).toMatch(/Sauvegarde de .* écrite dans/);

    const restored = await startServer({ dataDir: copy });
    servers.push(restored);
    expect(await progressSeenAt(restored)).toEqual(before);
  }, 120_000);
});
