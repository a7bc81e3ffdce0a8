import type { LrsConfig } from '../../server/config.ts';
import { lrsSender } from '../../server/lrs/lrs-sender.ts';
import { LrsWorker } from '../../server/lrs/lrs-worker.ts';
import { silentLog } from '../../server/shared/log.ts';
import { type Agent, completeCourse } from '../certificates/http/complete-course.ts';
import type { LrsTestServer } from '../helpers/lrs-test-server.ts';
import { csrfOf, type TestApp } from '../helpers/test-app.ts';

export const baseUrl = 'https://formation.exemple.org';

export function lrsConfigFor(lrs: LrsTestServer, extra: Partial<LrsConfig> = {}): LrsConfig {
  return {
    endpoint: lrs.endpoint,
    key: lrs.credentials.key,
    secret: lrs.credentials.secret,
    maxAttempts: 5,
    retrySeconds: 60,
    leaseSeconds: 30,
    ...extra,
  };
}

/** A worker POSTing to the test LRS; tests run its passes themselves (`runOnce`). */
export function lrsWorker(t: TestApp, lrs: LrsConfig, batchSize?: number): LrsWorker {
  return new LrsWorker({ store: t.store, clock: () => t.now(), lrs, send: lrsSender(lrs), log: silentLog, batchSize });
}

/** Runs passes until one finds nothing due. */
export async function drain(worker: LrsWorker): Promise<void> {
  while ((await worker.runOnce()) > 0);
}

/** Opens the first module and fails its quiz: `experienced`, `attempted`, four `answered`, `failed`. */
export async function failFirstQuiz(agent: Agent): Promise<void> {
  const page = await agent.get('/courses/demo/premier').expect(200);
  await agent
    .post('/courses/demo/premier/quiz')
    .type('form')
    .send({ _csrf: csrfOf(page.text), q1: 'c1', q2: ['c3'], q3: 'c1', q4: 'Télégramme' })
    .expect(200);
}

export { completeCourse };

/** The statements HR exports for the fixture course. */
export async function exported(hr: Agent): Promise<{ id: string; [key: string]: unknown }[]> {
  return JSON.parse((await hr.get('/hr/exports/statements.json?course=demo').expect(200)).text);
}

export async function rowsOf(t: TestApp) {
  const rows = [];
  for await (const row of t.store.all('lrsStatements')) rows.push(row);
  return rows;
}
