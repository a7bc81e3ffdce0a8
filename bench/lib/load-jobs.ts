// The jobs the load generator (bench/load-worker.ts) runs in its own process, so that it never shares an
// event loop with the server it measures, and what it sends back.
import { fork } from 'node:child_process';
import path from 'node:path';
import type { LatencySummary } from './figures.ts';

export interface LearnerCredentials {
  email: string;
  password: string;
  /** Where the sign-in form sends the learner (`next`); the page is then loaded, as a browser would. */
  landing: string;
}

export interface SignedInLearner {
  email: string;
  cookie: string;
  csrf: string;
}

/** Learners sign in through GET /login (CSRF token, cookie) then POST /login, at the given times. */
export interface SignInJob {
  kind: 'signIn';
  base: string;
  learners: LearnerCredentials[];
  /** Arrival time of each learner, in ms from the start (same order as `learners`). */
  arrivalsMs: number[];
}

export interface SignInResult {
  learners: SignedInLearner[];
  loginForm: LatencySummary;
  signIn: LatencySummary;
  landing: LatencySummary & { bytes: number };
  /** Every landing-page latency, merged with the rush's page latencies by the caller. */
  landingLatencies: number[];
  errors: string[];
  seconds: number;
}

/** Saturation run with autocannon: `connections` connections, each with its own learner's cookie. */
export interface AutocannonJob {
  kind: 'autocannon';
  url: string;
  cookies: string[];
  connections: number;
  seconds: number;
  /** Extra request headers (`accept-encoding: gzip` to measure compression). */
  headers?: Record<string, string>;
}

export interface AutocannonResult {
  /** CPU used by the load generator, in cores (1 = one core busy all along). */
  generatorCpu: number;
  requests: number;
  seconds: number;
  perSecond: number;
  latency: { p50: number; p99: number; max: number };
  bytesPerResponse: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

export interface QuizPost {
  path: string;
  /** Filled-in answers as form pairs, without `_csrf`; one is picked at random per submission. */
  bodies: [string, string][][];
}

/**
 * Each learner keeps one connection and loops: think, then open a page or submit a quiz. Think times are
 * drawn uniformly in `thinkMs` (below the server's 5 s keep-alive, so connections stay open all along).
 */
export interface RushJob {
  kind: 'rush';
  base: string;
  learners: SignedInLearner[];
  seconds: number;
  thinkMs: [number, number];
  pages: string[];
  quizzes: QuizPost[];
  submitShare: number;
}

export interface RushResult {
  pages: LatencySummary;
  pageLatencies: number[];
  submissions: LatencySummary;
  requests: number;
  perSecond: number;
  seconds: number;
  /** Keep-alive connections still open at the end. */
  openConnections: number;
  /** Connections opened during the run: one per learner when keep-alive held all along. */
  connectionsOpened: number;
  errors: string[];
  errorCount: number;
  /** Attempt ids acknowledged by their result page (200), per learner e-mail. */
  acknowledged: Record<string, string[]>;
}

export type Job = SignInJob | AutocannonJob | RushJob;
type ResultOf<J extends Job> = J extends SignInJob
  ? SignInResult
  : J extends AutocannonJob
    ? AutocannonResult
    : RushResult;

const workerScript = path.join(import.meta.dirname, '..', 'load-worker.ts');

/** Runs one job in a fresh load-generator process and returns its result. */
export function runLoad<J extends Job>(job: J): Promise<ResultOf<J>> {
  return new Promise((resolve, reject) => {
    const child = fork(workerScript, [], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let settled = false;
    child.once('message', (message: { ok: boolean; result?: ResultOf<J>; error?: string }) => {
      settled = true;
      if (message.ok) resolve(message.result!);
      else reject(new Error(`load worker failed: ${message.error}`));
    });
    child.once('exit', (code) => {
      if (!settled) reject(new Error(`load worker exited with code ${code} before answering`));
    });
    child.send(job);
  });
}
