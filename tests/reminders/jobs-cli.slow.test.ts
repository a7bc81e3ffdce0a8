// `npm run jobs:daily` in its own process on the embedded store: it queues the reminders due today and
// sends them at once; a second run the same day sends nothing.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parisDate } from '../../server/assignments/assignment-status.ts';
import { type SmtpTestServer, startSmtpServer } from '../helpers/smtp-test-server.ts';
import { repoRoot } from '../helpers/start-server.ts';
import { addUser, createTestApp } from '../helpers/test-app.ts';

const run = promisify(execFile);

describe('npm run jobs:daily', () => {
  let dataDir: string;
  let smtp: SmtpTestServer;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'passerelle-jobs-'));
    smtp = await startSmtpServer();
    const t = await createTestApp({ dataDir, start: new Date() });
    try {
      const hr = await addUser(t, 'hr');
      const learner = await addUser(t, 'learner', { email: 'rappel@exemple.org', structure: 'Foyer Sud' });
      const now = new Date();
      await t.store.transact((tx) => {
        tx.put('assignments', {
          id: 'a1',
          course: 'demo',
          courseTitle: 'Cours de démonstration',
          target: 'people',
          structure: null,
          userIds: [learner.id],
          dueDate: parisDate(now), // due today: the due-date reminder
          status: 'active',
          createdAt: new Date(now.getTime() - 30 * 86_400_000).toISOString(),
          createdBy: hr.id,
          withdrawnAt: null,
          withdrawnBy: null,
        });
      });
    } finally {
      await t.close();
    }
  });
  afterAll(async () => {
    await smtp?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const jobs = () =>
    run(process.execPath, ['--import', 'tsx', 'server/cli/jobs-cli.ts'], {
      cwd: repoRoot,
      env: {
        PATH: process.env.PATH,
        DATA_DIR: dataDir,
        DATABASE_URL: '',
        SMTP_URL: smtp.url,
        MAIL_FROM: 'Passerelle <formation@exemple.org>',
        LOG_LEVEL: 'error',
      },
    });

  it('sends the reminders due today once, however often it runs', async () => {
    const first = await jobs();
    expect(first.stdout).toContain(
      'Tâche quotidienne faite : 1 rappel(s), 0 résumé(s) et 0 rappel(s) d’engagement mis en file d’envoi, 0 donnée(s) supprimée(s) par les durées de conservation.',
    );
    expect(smtp.received.map((m) => m.envelopeTo.join())).toEqual(['rappel@exemple.org']);
    expect(smtp.received[0]!.parsed.subject).toMatch(/^Rappel : « Cours de démonstration » à terminer avant le /);
    const second = await jobs();
    expect(second.stdout).toContain('déjà faite aujourd’hui');
    expect(smtp.received).toHaveLength(1);
  }, 60_000);
});
