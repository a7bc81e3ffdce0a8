// A commitment is the learner's alone: no HR page, export or statement, and no administration page shows
// it, even once its reminder has gone through the outbox that administrators can read.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../server/accounts/schema.ts';
import { unsubscribeKey } from '../../server/reminders/unsubscribe-token.ts';
import { runDailyJob } from '../../server/reminders/use-cases/run-daily-job.ts';
import { completeCourse } from '../certificates/http/complete-course.ts';
import { type SmtpTestServer, startSmtpServer } from '../helpers/smtp-test-server.ts';
import { addUser, csrfOf, signIn } from '../helpers/test-app.ts';
import { testConfig } from '../helpers/test-config.ts';
import { download } from '../hr/http/hr-test-app.ts';
import { mailConfig, openMailApp } from '../mail/mail-test-app.ts';

const marker = 'Zx81';
const text = `Essayer la grille ${marker} avec Mme Keller`;
let smtp: SmtpTestServer;
let env: Awaited<ReturnType<typeof openMailApp>>;
let ines: Readonly<User>;
let hrUser: Readonly<User>;

beforeAll(async () => {
  smtp = await startSmtpServer();
  env = await openMailApp(mailConfig(smtp.url));
  ines = await addUser(env.t, 'learner', { name: 'Inès Martin', email: 'ines@exemple.org', structure: 'Nord' });
  hrUser = await addUser(env.t, 'hr', { name: 'Hélène RH', email: 'rh@exemple.org', structure: 'Siège' });
  const learner = await signIn(env.t, ines);
  await completeCourse(env.t, learner);
  const form = await learner.get('/me/engagements/demo');
  await learner
    .post('/me/engagements/demo')
    .type('form')
    .send({ _csrf: csrfOf(form.text), text, remind: 'on' })
    .expect(303);
  expect((await learner.get('/me')).text).toContain(text);
  // A month later the reminder is queued, then sent: the outbox holds it in both states.
  env.t.advance(30 * 24 * 3600_000);
  const config = testConfig({ mail: mailConfig(smtp.url) });
  const job = { store: env.t.store, clock: () => env.t.now(), config, unsubscribeKey: unsubscribeKey('test-secret') };
  expect((await runDailyJob(job)).commitments).toBe(1);
});
afterAll(async () => {
  await env?.close();
  await smtp?.close();
});

const texts = (pages: { text: string }[]) => pages.map((page) => page.text);

describe('a learner’s commitment', () => {
  it('never appears on the HR dashboard, the learner’s HR page or HR’s own commitment page', async () => {
    const hr = await signIn(env.t, hrUser);
    const pages = [
      await hr.get('/hr').expect(200),
      await hr.get('/hr?course=demo').expect(200),
      await hr.get(`/hr/learners/${ines.id}`).expect(200),
      await hr.get('/me/engagements/demo').expect(200),
    ];
    // The pages do show Inès and her completion: the absence of the text is not an empty page's.
    expect(pages[2]!.text).toContain('Inès Martin');
    for (const page of texts(pages)) expect(page).not.toContain(marker);
  });

  it('never appears in the CSV, XLSX or xAPI exports', async () => {
    const hr = await signIn(env.t, hrUser);
    const csv = (await download(hr, '/hr/exports/completions.csv').expect(200)).body as Buffer;
    expect(csv.toString('utf8')).toContain('Inès');
    expect(csv.toString('utf8')).not.toContain(marker);
    for (const format of ['json', 'jsonl']) {
      const statements = (await download(hr, `/hr/exports/statements.${format}?course=demo`).expect(200))
        .body as Buffer;
      expect(statements.toString('utf8')).toContain('demo');
      expect(statements.toString('utf8')).not.toContain(marker);
    }
    const xlsx = (await download(hr, '/hr/exports/completions.xlsx').expect(200)).body as Buffer;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
    const cells: string[] = [];
    workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value)))));
    expect(cells).toContain('Inès Martin');
    expect(cells.join('\n')).not.toContain(marker);
  });

  it('never appears on the administration pages, its reminder e-mail included', async () => {
    const admin = await signIn(env.t, env.admin);
    const queued = await admin.get('/admin/emails?status=queued').expect(200);
    expect(queued.text).toContain('Votre rappel : ce que vous vouliez essayer après « Cours de démonstration »');
    while ((await env.worker.runOnce()) > 0);
    expect(smtp.received.some((m) => m.parsed.subject?.startsWith('Votre rappel'))).toBe(true);
    const pages = [
      queued,
      await admin.get('/admin/emails?status=sent').expect(200),
      await admin.get('/admin/users').expect(200),
      await admin.get(`/admin/users/${ines.id}`).expect(200),
      await admin.get('/admin/lrs').expect(200),
    ];
    expect(pages[1]!.text).toContain('ines@exemple.org');
    for (const page of texts(pages)) expect(page).not.toContain(marker);
    for (const message of smtp.received) expect(`${message.parsed.text}${message.parsed.html}`).not.toContain(marker);
  });
});
