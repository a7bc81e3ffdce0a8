// A trainer's text is rendered in a worker thread: however costly a draft is to render, the server keeps
// answering everyone else meanwhile.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { expectStatus, openStudioApps, postForm, studioAgent } from '../studio-test-app.ts';

const open = openStudioApps();
const editor = '/studio/courses/demo/files/01-premier.md';

describe('studio: previewing a draft that is slow to render', () => {
  it('keeps /healthz under 100 ms for everyone while a 160 KB table is rendered', async () => {
    const t = await open();
    const { agent } = await studioAgent(t);
    const source = await readFile(path.join(t.coursesDir, 'demo/01-premier.md'), 'utf8');
    // About half a second of marked's work on this machine when quiet: tables of autolinks are its slow path.
    const table = `\n\n| a | b | c |\n|---|---|---|\n${'| www.exemple.fr | texte | suite |\n'.repeat(5500)}\n`;
    const hostile = source.replace('Une autre idée.', `Une autre idée.${table}`);

    let previewDone = false;
    const preview = postForm(agent, `${editor}/preview`, { source: hostile }, editor).finally(() => {
      previewDone = true;
    });
    // Client and server share this process's event loop: a latency is counted from the moment the
    // request was due, so time the loop spends blocked before sending it counts too.
    const latencies: number[] = [];
    let due = performance.now();
    while (!previewDone) {
      due += 20;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
      await request(t.app).get('/healthz').expect(200);
      latencies.push(performance.now() - due);
      due = Math.max(due, performance.now());
    }
    const res = await preview;
    expect([200, 422]).toContain(res.status);
    expect(latencies.length).toBeGreaterThan(3);
    expect(Math.max(...latencies)).toBeLessThan(100);
    if (res.status === 200) expect(res.text).toContain('<table');
    else expect(res.text).toContain('trop long à analyser');
  });
});

describe('studio: a draft that takes longer than the deadline to render', () => {
  const openHurried = openStudioApps({ courseCheckTimeoutMs: 1 });

  it('keeps the trainer’s text and says, at its file, that it is too long to analyse; publication refuses it', async () => {
    const t = await openHurried();
    const { agent } = await studioAgent(t);
    const source = await readFile(path.join(t.coursesDir, 'demo/01-premier.md'), 'utf8');
    const typed = source.replace('Une autre idée.', 'Une autre idée, pas encore enregistrée.');
    const res = expectStatus(await postForm(agent, editor, { source: typed, action: 'preview' }, editor), 200);
    expect(res.text).toContain('trop long à analyser');
    expect(res.text).toContain('pas encore enregistrée');
    expectStatus(await postForm(agent, editor, { source: typed, action: 'save' }, editor), 303);
    const publish = expectStatus(
      await postForm(agent, '/studio/courses/demo/publish', {}, '/studio/courses/demo'),
      422,
    );
    expect(publish.text).toContain('trop long à analyser');
    expect((await request(t.app).get('/courses/demo/premier').expect(200)).text).not.toContain(
      'pas encore enregistrée',
    );
  });
});
