// `npm start` runs the compiled copy of the server (server/start.mjs, decision 025): the same server, built
// again whenever a file it was built from changes.
import { readdir, readFile, stat, utimes } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { startServer } from '../helpers/start-server.ts';

const root = path.resolve(import.meta.dirname, '..', '..');
const cacheDir = path.join(root, '.cache', 'server');
const currentCopy = async () =>
  (JSON.parse(await readFile(path.join(cacheDir, 'current.json'), 'utf8')) as { dir: string }).dir;

async function startCompiled() {
  const server = await startServer({ compiled: true });
  try {
    expect(server.output()).not.toContain('Compiled copy unavailable');
    return { copy: await currentCopy(), server };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

describe('the compiled server', () => {
  it('serves pages, views, static files and the parts loaded on first use, with each file’s own paths', async () => {
    const { copy, server } = await startCompiled();
    try {
      const catalog = await fetch(`${server.baseUrl}/courses`);
      expect(catalog.status).toBe(200);
      const page = await catalog.text();
      expect(page).toContain('Cours de démonstration');
      const stylesheet = /<link rel="stylesheet" href="([^"]+)">/.exec(page)?.[1];
      expect((await fetch(`${server.baseUrl}${stylesheet}`)).status).toBe(200);
      // Certificates are imported on their first request (lazy-routes.ts): a part of the copy of its own.
      const verify = await fetch(`${server.baseUrl}/verify/inconnu`);
      expect(verify.status).toBe(404);
      expect(await verify.text()).toContain('<html lang="fr"');
      // No file of the copy looks for views, workers or documents beside itself: course workers start from
      // the sources' bootstrap (they run their TypeScript through tsx).
      const code = await Promise.all(
        (await readdir(path.join(cacheDir, copy)))
          .filter((n) => n.endsWith('.js'))
          .map((n) => readFile(path.join(cacheDir, copy, n), 'utf8')),
      );
      for (const text of code) expect(text).not.toMatch(/import\.meta\.(url|dirname)/);
      const pool = pathToFileURL(path.join(root, 'server/catalog/course-worker-pool.ts')).href;
      expect(code.join('\n')).toContain(`new URL("./course-worker-bootstrap.mjs", ${JSON.stringify(pool)})`);
    } finally {
      await server.stop();
    }
  });

  it('builds again when a file it was built from is written, and only then', async () => {
    const first = await startCompiled();
    await first.server.stop();
    const again = await startCompiled();
    await again.server.stop();
    expect(again.copy).toBe(first.copy);
    // Same bytes, but written: its change time moves, as any write's would.
    const source = path.join(root, 'server/app.ts');
    const { atime, mtime } = await stat(source);
    await utimes(source, atime, mtime);
    const rebuilt = await startCompiled();
    await rebuilt.server.stop();
    expect(rebuilt.copy).not.toBe(first.copy);
  });
});
