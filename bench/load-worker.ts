// The load generator: started by the benchmarks as its own process (bench/lib/load-jobs.ts → runLoad),
// never in the server's process, so that generating load does not steal the server's event loop.
import autocannon from 'autocannon';
import { summarize } from './lib/figures.ts';
import { Browser, csrfOf } from './lib/http-client.ts';
import type {
  AutocannonJob,
  AutocannonResult,
  Job,
  RushJob,
  RushResult,
  SignedInLearner,
  SignInJob,
  SignInResult,
} from './lib/load-jobs.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function signIn(job: SignInJob): Promise<SignInResult> {
  const started = performance.now();
  const form: number[] = [];
  const post: number[] = [];
  const landing: number[] = [];
  let landingBytes = 0;
  const errors: string[] = [];
  const learners: SignedInLearner[] = [];
  await Promise.all(
    job.learners.map(async (learner, i) => {
      await sleep(Math.max(0, job.arrivalsMs[i]! - (performance.now() - started)));
      const browser = new Browser(job.base);
      try {
        const page = await browser.request('GET', `/login?next=${encodeURIComponent(learner.landing)}`);
        const csrf = csrfOf(page.body);
        if (page.status !== 200 || !csrf) throw new Error(`GET /login answered ${page.status}`);
        form.push(page.ms);
        const res = await browser.request('POST', '/login', {
          _csrf: csrf,
          email: learner.email,
          password: learner.password,
          next: learner.landing,
        });
        if (res.status !== 303 || res.headers.location !== learner.landing || !browser.cookies.has('pas_session')) {
          throw new Error(`POST /login answered ${res.status} (location ${res.headers.location})`);
        }
        post.push(res.ms);
        const target = await browser.request('GET', learner.landing);
        const sessionCsrf = csrfOf(target.body);
        if (target.status !== 200 || !sessionCsrf) throw new Error(`GET ${learner.landing} answered ${target.status}`);
        landing.push(target.ms);
        landingBytes = target.bytes;
        learners.push({ email: learner.email, cookie: browser.cookieHeader, csrf: sessionCsrf });
      } catch (error) {
        errors.push(`${learner.email}: ${(error as Error).message}`);
      } finally {
        browser.close();
      }
    }),
  );
  return {
    learners,
    loginForm: summarize(form),
    signIn: summarize(post),
    landing: { ...summarize(landing), bytes: landingBytes },
    landingLatencies: landing,
    errors,
    seconds: (performance.now() - started) / 1000,
  };
}

async function saturate(job: AutocannonJob): Promise<AutocannonResult> {
  let next = 0;
  const cpu = process.cpuUsage();
  const result = await autocannon({
    url: job.url,
    connections: job.connections,
    duration: job.seconds,
    headers: { accept: 'text/html', ...job.headers },
    // Each connection is a different signed-in learner (or the same one on every connection).
    setupClient: (client) => {
      client.setHeaders({ accept: 'text/html', ...job.headers, cookie: job.cookies[next++ % job.cookies.length]! });
    },
  });
  const used = process.cpuUsage(cpu);
  return {
    generatorCpu: (used.user + used.system) / 1e6 / result.duration,
    requests: result.requests.total,
    seconds: result.duration,
    perSecond: result.requests.total / result.duration,
    latency: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
    bytesPerResponse: result.requests.total > 0 ? result.throughput.total / result.requests.total : 0,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

async function rush(job: RushJob): Promise<RushResult> {
  const started = performance.now();
  const deadline = started + job.seconds * 1000;
  const pageLatencies: number[] = [];
  const submitLatencies: number[] = [];
  const errors: string[] = [];
  let errorCount = 0;
  const acknowledged: Record<string, string[]> = {};
  const browsers: Browser[] = [];
  const [thinkMin, thinkMax] = job.thinkMs;
  const pick = <T>(items: T[]) => items[Math.floor(Math.random() * items.length)]!;
  const fail = (message: string) => {
    errorCount++;
    if (errors.length < 20) errors.push(message);
  };

  await Promise.all(
    job.learners.map(async (learner) => {
      const browser = new Browser(job.base);
      browsers.push(browser);
      for (const pair of learner.cookie.split('; ')) {
        const eq = pair.indexOf('=');
        browser.cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
      }
      acknowledged[learner.email] = [];
      // Spread the first requests over one think time instead of firing them all at once.
      await sleep(Math.random() * thinkMax);
      for (;;) {
        const submit = Math.random() < job.submitShare;
        try {
          if (submit) {
            const quiz = pick(job.quizzes);
            const res = await browser.request('POST', quiz.path, [...pick(quiz.bodies), ['_csrf', learner.csrf]]);
            // The answer is the result page, which names its attempt (Content-Location).
            const attempt = /\/attempts\/([^/?#]+)$/.exec(String(res.headers['content-location'] ?? ''))?.[1];
            if (res.status === 200 && attempt) {
              submitLatencies.push(res.ms);
              acknowledged[learner.email]!.push(attempt);
            } else fail(`POST ${quiz.path} answered ${res.status}`);
          } else {
            const path = pick(job.pages);
            const res = await browser.request('GET', path);
            if (res.status === 200) pageLatencies.push(res.ms);
            else fail(`GET ${path} answered ${res.status}`);
          }
        } catch (error) {
          fail(`${submit ? 'submission' : 'page'}: ${(error as Error).message}`);
        }
        const think = thinkMin + Math.random() * (thinkMax - thinkMin);
        if (performance.now() + think >= deadline) break;
        await sleep(think);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const openConnections = browsers.reduce(
    (sum, b) => sum + Object.values(b.agent.freeSockets).reduce((n, list) => n + (list?.length ?? 0), 0),
    0,
  );
  const connectionsOpened = browsers.reduce((sum, b) => sum + b.connections, 0);
  for (const browser of browsers) browser.close();
  const requests = pageLatencies.length + submitLatencies.length + errorCount;
  return {
    pages: summarize(pageLatencies),
    pageLatencies,
    submissions: summarize(submitLatencies),
    requests,
    perSecond: requests / seconds,
    seconds,
    openConnections,
    connectionsOpened,
    errors,
    errorCount,
    acknowledged,
  };
}

process.once('message', async (job: Job) => {
  try {
    const result =
      job.kind === 'signIn' ? await signIn(job) : job.kind === 'autocannon' ? await saturate(job) : await rush(job);
    process.send!({ ok: true, result }, () => process.exit(0));
  } catch (error) {
    process.send!({ ok: false, error: (error as Error).stack ?? String(error) }, () => process.exit(1));
  }
});
