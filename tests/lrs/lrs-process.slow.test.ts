// The real server process forwarding to a learning record store: a kill -9 between the commit of a
// learner's quiz and the forwarding of its statements loses nothing and sends nothing twice, whether the
// worker had not yet sent them (the LRS was down) or was waiting for the LRS's answer (its lease then
// runs out and the restarted process takes the batch over).
import net from 'node:net';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { type LrsTestServer, startLrsServer } from '../helpers/lrs-test-server.ts';
import { freePort, type RunningServer, startServer } from '../helpers/start-server.ts';
import { addUser, createTestApp, csrfOf, testPassword } from '../helpers/test-app.ts';
import { statementErrors } from '../xapi/xapi-schema.ts';
import { failFirstQuiz } from './lrs-test-app.ts';

const learner = { name: 'Awa Diallo', email: 'awa@exemple.org' };
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function seedLearner(dataDir: string) {
  const t = await createTestApp({ dataDir });
  try {
    await addUser(t, 'learner', learner);
  } finally {
    await t.close();
  }
}

/** The test LRS's credentials (tests/helpers/lrs-test-server.ts) on a port chosen before it starts. */
function lrsEnv(port: number) {
  return {
    LRS_ENDPOINT: `http://127.0.0.1:${port}/xapi`,
    LRS_KEY: 'passerelle',
    LRS_SECRET: 'secret-de-test',
    LRS_RETRY_SECONDS: '1',
    LRS_LEASE_SECONDS: '6',
  };
}

async function start(options: Parameters<typeof startServer>[0]): Promise<RunningServer> {
  const server = await startServer(options);
  cleanups.push(() => server.stop());
  return server;
}

async function lrsOn(port: number): Promise<LrsTestServer> {
  const lrs = await startLrsServer({ port });
  cleanups.push(() => lrs.close());
  return lrs;
}

/** Signs the learner in over HTTP and fails the first quiz: seven statements in one transaction. */
async function failQuizOver(server: RunningServer) {
  const agent = request.agent(server.baseUrl);
  const login = await agent.get('/login').expect(200);
  await agent
    .post('/login')
    .type('form')
    .send({ _csrf: csrfOf(login.text), email: learner.email, password: testPassword, next: '/me' })
    .expect(303);
  await failFirstQuiz(agent);
}

const expectEachRequestedOnce = (lrs: LrsTestServer) => {
  const requested = lrs.requests.flatMap((r) => r.ids);
  expect(requested).toHaveLength(7);
  expect(new Set(requested).size).toBe(7);
  expect(lrs.stored.size).toBe(7);
  for (const statement of lrs.stored.values()) expect(statementErrors(statement)).toEqual([]);
};

describe('kill -9 between the commit and the forwarding', () => {
  it('forwards statements the worker could not send yet, once, after the restart', async () => {
    const lrsPort = await freePort();
    // No LRS yet: the statements cannot leave before the kill.
    const first = await start({ seed: seedLearner, env: lrsEnv(lrsPort) });
    await failQuizOver(first);
    await first.kill();

    const lrs = await lrsOn(lrsPort);
    const second = await start({ dataDir: first.dataDir, env: lrsEnv(lrsPort) });
    await lrs.waitForStored(7, 20_000);
    // Stopped and started again: nothing is sent a second time.
    expect(await second.stop()).toBe(0);
    await start({ dataDir: first.dataDir, env: lrsEnv(lrsPort) });
    await new Promise((r) => setTimeout(r, 3_000));
    expectEachRequestedOnce(lrs);
    expect(second.output()).not.toContain(learner.email);
  }, 120_000);

  it('takes over a batch whose sender died waiting for the answer once its lease has run out, and sends it once', async () => {
    const lrsPort = await freePort();
    // An LRS that accepts the connection and never answers: the worker is stuck in the POST.
    let connected!: () => void;
    const connection = new Promise<void>((resolve) => {
      connected = resolve;
    });
    const sockets: net.Socket[] = [];
    const silent = net.createServer((socket) => {
      sockets.push(socket);
      connected();
    });
    await new Promise<void>((resolve) => silent.listen(lrsPort, '127.0.0.1', resolve));
    const first = await start({ seed: seedLearner, env: lrsEnv(lrsPort) });
    await failQuizOver(first);
    await connection;
    await first.kill();
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));

    const lrs = await lrsOn(lrsPort);
    const restartedAt = Date.now();
    await start({ dataDir: first.dataDir, env: lrsEnv(lrsPort) });
    await lrs.waitForStored(7, 20_000);
    await new Promise((r) => setTimeout(r, 3_000));
    expectEachRequestedOnce(lrs);
    expect(Date.now() - restartedAt).toBeLessThan(20_000);
  }, 120_000);
});
