import { cp, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { Response } from 'supertest';
import { afterEach } from 'vitest';
import yazl from 'yazl';
import type { Role } from '../../server/accounts/schema.ts';
import type { Config } from '../../server/config.ts';
import { addUser, createTestApp, csrfOf, signIn, type TestApp } from '../helpers/test-app.ts';
import { fixturesDir } from '../helpers/test-config.ts';

export interface StudioTestApp extends TestApp {
  coursesDir: string;
  draftsDir: string;
  root: string;
}

/**
 * The real app on temp folders: the valid fixture course copied into a temp courses folder (the studio
 * writes there), a temp data folder. Nothing is written into the repository.
 */
export async function createStudioTestApp(
  config: Partial<Config> = {},
  options: { databaseUrl?: string; prepare?: (coursesDir: string) => Promise<void> } = {},
): Promise<StudioTestApp> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'passerelle-studio-'));
  const coursesDir = path.join(root, 'courses');
  const dataDir = path.join(root, 'data');
  await cp(path.join(fixturesDir, 'courses/valid/demo'), path.join(coursesDir, 'demo'), { recursive: true });
  await mkdir(dataDir);
  await options.prepare?.(coursesDir);
  const t = await createTestApp({
    coursesDir,
    dataDir,
    config: { coursesDir, ...config },
    databaseUrl: options.databaseUrl,
  });
  return {
    ...t,
    coursesDir,
    draftsDir: path.join(dataDir, 'drafts'),
    root,
    close: async () => {
      await t.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}

/** A signed-in agent with this role, and the user. */
export async function studioAgent(t: TestApp, role: Role = 'trainer') {
  const user = await addUser(t, role);
  return { user, agent: await signIn(t, user) };
}

type Agent = Awaited<ReturnType<typeof signIn>>;

/** The CSRF token of a page the agent can see. */
export async function tokenFrom(agent: Agent, url = '/studio'): Promise<string> {
  const page = await agent.get(url).expect(200);
  return csrfOf(page.text);
}

/** Posts a form with the CSRF token of the page `from` (the studio home by default). */
export async function postForm(
  agent: Agent,
  url: string,
  fields: Record<string, string> = {},
  from?: string,
): Promise<Response> {
  const token = await tokenFrom(agent, from);
  return agent
    .post(url)
    .type('form')
    .send({ _csrf: token, ...fields });
}

/** Checks a status, showing the page when it differs (a French error page says why). */
export function expectStatus(res: Response, status: number): Response {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}:\n${res.text.slice(0, 3000)}`);
  return res;
}

/** Lists a folder recursively (relative POSIX paths), to check that a refusal changed nothing. */
export async function listTree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/')).sort();
}

export interface ZipEntry {
  name: string;
  data: Buffer | string;
  mode?: number;
}

/** Builds a zip in memory with yazl. */
export async function makeZip(entries: ZipEntry[]): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const entry of entries) {
    const data = typeof entry.data === 'string' ? Buffer.from(entry.data) : entry.data;
    zip.addBuffer(data, entry.name, entry.mode === undefined ? {} : { mode: entry.mode });
  }
  zip.end();
  return collect(zip.outputStream as Readable);
}

export async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Replaces a file name inside a zip (local and central headers) by another of the same length. */
export function renameInZip(zip: Buffer, from: string, to: string): Buffer {
  if (Buffer.byteLength(from) !== Buffer.byteLength(to)) throw new Error('names must have the same length');
  const out = Buffer.from(zip);
  const needle = Buffer.from(from);
  let at = out.indexOf(needle);
  while (at !== -1) {
    Buffer.from(to).copy(out, at);
    at = out.indexOf(needle, at + 1);
  }
  return out;
}

/** Makes the central directory declare a smaller uncompressed size than the real one (a lying zip bomb). */
export function understateSizes(zip: Buffer, declared: number): Buffer {
  const out = Buffer.from(zip);
  const signature = Buffer.from([0x50, 0x4b, 0x01, 0x02]);
  let at = out.indexOf(signature);
  while (at !== -1) {
    out.writeUInt32LE(declared, at + 24);
    at = out.indexOf(signature, at + 4);
  }
  return out;
}

/** Downloads a binary response (a zip) as a Buffer. */
export async function download(agent: Agent, url: string): Promise<Buffer> {
  const res = await agent
    .get(url)
    .buffer(true)
    .parse((response, done) => {
      collect(response as unknown as Readable).then(
        (body) => done(null, body),
        (error: Error) => done(error, undefined),
      );
    });
  expectStatus(res, 200);
  return res.body as Buffer;
}

/** A real 1×1 PNG. */
export const tinyPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** The fixture course's files, as a zip entry list under `folder/`. */
export async function fixtureCourseEntries(folder: string): Promise<ZipEntry[]> {
  const dir = path.join(fixturesDir, 'courses/valid/demo');
  const { readFile } = await import('node:fs/promises');
  const files = (await listTree(dir)).filter((f) => /\.\w+$/.test(f));
  return Promise.all(
    files.map(async (f) => ({ name: folder ? `${folder}/${f}` : f, data: await readFile(path.join(dir, f)) })),
  );
}

/** Opens studio test apps on demand and closes every one after each test of the calling file. */
export function openStudioApps(
  config: Partial<Config> = {},
  options: Parameters<typeof createStudioTestApp>[1] = {},
): () => Promise<StudioTestApp> {
  const opened: StudioTestApp[] = [];
  afterEach(async () => {
    for (const t of opened.splice(0)) await t.close();
  });
  return async () => {
    const t = await createStudioTestApp(config, options);
    opened.push(t);
    return t;
  };
}
