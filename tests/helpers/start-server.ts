import { type ChildProcess, spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '../..');

export interface RunningServer {
  baseUrl: string;
  port: number;
  dataDir: string;
  coursesDir: string;
  /** The first-run link printed on stdout while the installation has no administrator. */
  setupLink: string | undefined;
  /** Everything the server printed so far, to explain a failure. */
  output(): string;
  /** SIGTERM (SIGKILL after 5 s); resolves with the exit code once the process has ended. */
  stop(): Promise<number | null>;
  /** SIGKILL at once, as a crash or an out-of-memory kill would; resolves once the process is gone. */
  kill(): Promise<void>;
}

export interface StartOptions {
  /** Writes into the fresh data directory before the server opens it (the store allows one process). */
  seed?: (dataDir: string) => Promise<void>;
  env?: Record<string, string>;
  /** Changes the temporary copy of the courses before the server reads them (e.g. a course setting). */
  prepareCourses?: (coursesDir: string) => Promise<void>;
  /** An existing data directory (kept after `stop`), to start a server again on the same data. */
  dataDir?: string;
  port?: number;
  /** The public address for a port (default `http://127.0.0.1:<port>`), e.g. an HTTPS proxy in front. */
  baseUrl?: (port: number) => string;
  /** More course folders copied into the catalog beside the fixture and the bundled courses. */
  extraCourses?: string[];
  /** Starts it as `npm start` does, from the compiled copy (server/start.mjs), instead of the sources through tsx. */
  compiled?: boolean;
}

/** Asks the system for a port nobody listens on. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Spawns the real server (`node --import tsx server/main.ts`, or `node server/start.mjs`) in production mode on a fresh data
 * directory and a temporary copy of the courses: the valid test fixture (course « demo ») and the
 * bundled courses, so the studio may write and the journeys see real content.
 */
export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'passerelle-e2e-'));
  const dataDir = options.dataDir ?? path.join(root, 'data');
  const coursesDir = path.join(root, 'courses');
  await mkdir(dataDir, { recursive: true, mode: 0o700 }); // as the service unit makes it: owner-only
  await cp(path.join(repoRoot, 'tests/fixtures/courses/valid'), coursesDir, { recursive: true });
  await cp(path.join(repoRoot, 'courses'), coursesDir, { recursive: true });
  for (const dir of options.extraCourses ?? [])
    await cp(dir, path.join(coursesDir, path.basename(dir)), { recursive: true });
  await options.prepareCourses?.(coursesDir);
  await options.seed?.(dataDir);

  const port = options.port ?? (await freePort());
  const baseUrl = options.baseUrl?.(port) ?? `http://127.0.0.1:${port}`;
  const entry = options.compiled ? ['server/start.mjs'] : ['--import', 'tsx', 'server/main.ts'];
  const child = spawn(process.execPath, entry, {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      BASE_URL: baseUrl,
      DATA_DIR: dataDir,
      COURSES_DIR: coursesDir,
      NODE_ENV: 'production',
      LOG_REQUESTS: 'false',
      // The embedded store unless a test asks for PostgreSQL: CI's DATABASE_URL is for the suites that
      // create their own database.
      DATABASE_URL: '',
      // Journeys sign HR and admin people in with a password alone unless they ask for the second factor.
      MFA_REQUIRED_ROLES: 'none',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Never leave a server behind if the test process ends without its afterAll (crash, timeout).
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.off('exit', killOnExit));
  let output = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk;
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk;
  });

  const stop = async () => {
    const code = await stopChild(child);
    await rm(root, { recursive: true, force: true });
    return code;
  };
  try {
    await waitUntilReady(child, `http://127.0.0.1:${port}`, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    baseUrl,
    port,
    dataDir,
    coursesDir,
    setupLink: /https?:\/\/[^\s"]+\/setup\?token=[^\s"]+/.exec(output)?.[0],
    output: () => output,
    stop,
    kill: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    },
  };
}

async function waitUntilReady(child: ChildProcess, baseUrl: string, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server stopped during start-up:\n${output()}`);
    // The setup link is printed right after the ready line, in the same callback: once /healthz
    // answers, both lines are in the pipe.
    if (output().includes('Passerelle ready on')) {
      const ok = await fetch(`${baseUrl}/healthz`).then(
        (res) => res.ok,
        () => false,
      );
      if (ok) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        return;
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the server was not ready after 30 s:\n${output()}`);
}

async function stopChild(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  const code = await exited;
  clearTimeout(timer);
  return code;
}
