// `npm start` runs server/start.mjs: the server bundled once into .cache/server/ (no tsx loader thread),
// with the hash of every source it was made from. It must serve as the TypeScript sources do, with
// paths resolved from each module's own location (views, public files).
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../helpers/start-server.ts';

const repoRoot = path.resolve(import.meta.dirname, '../..');
let server: RunningServer | undefined;
afterEach(async () => {
  await server?.stop();
});

describe('npm start', () => {
  it('serves pages and static files from the bundled server, and records the hash of every source', async () => {
    server = await startServer({ entry: ['server/start.mjs'] });
    const home = await fetch(`${server.baseUrl}/`);
    expect(home.status).toBe(200);
    const page = await home.text();
    expect(page).toContain('lang="fr"');
    const stylesheet = /href="(\/static\/style\.[0-9a-f]+\.css)"/.exec(page)?.[1];
    expect((await fetch(`${server.baseUrl}${stylesheet}`)).status).toBe(200);
    expect(server.output()).not.toContain('via tsx');

    const { inputs } = JSON.parse(await readFile(path.join(repoRoot, '.cache/server/server.json'), 'utf8')) as {
      inputs: Record<string, string>;
    };
    const main = await readFile(path.join(repoRoot, 'server/main.ts'));
    expect(inputs['server/main.ts']).toBe(createHash('sha256').update(main).digest('hex'));
    expect(Object.keys(inputs)).toContain('server/store/journal/snapshot-stream.ts');
  }, 120_000);
});
