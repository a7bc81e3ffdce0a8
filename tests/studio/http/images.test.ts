import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listTree, openStudioApps, studioAgent, tinyPng, tokenFrom } from '../studio-test-app.ts';

const open = openStudioApps();

const upload = '/studio/courses/demo/images';
const jpegHead = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]);

describe('studio: images', () => {
  it('stores an uploaded image in the draft under a sanitised name and shows the Markdown to insert it', async () => {
    const t = await open();
    const { agent } = await studioAgent(t);
    const token = await tokenFrom(agent, '/studio/courses/demo');
    const res = await agent
      .post(upload)
      .field('_csrf', token)
      .attach('image', tinyPng, 'Atelier Été 2026 (1).PNG')
      .expect(303);
    expect(res.headers.location).toBe(
      '/studio/courses/demo?notice=uploaded&image=images%2Fatelier-ete-2026-1.png#images',
    );
    expect(await readFile(path.join(t.draftsDir, 'demo/images/atelier-ete-2026-1.png'))).toEqual(tinyPng);
    const page = await agent.get(res.headers.location!).expect(200);
    expect(page.text).toContain('![description de l’image](images/atelier-ete-2026-1.png)');
    // The draft preview serves it; the published course does not have it.
    await agent
      .get('/studio/preview/demo/assets/images/atelier-ete-2026-1.png')
      .expect(200)
      .expect('content-type', 'image/png');
    await agent.get('/courses/demo/assets/images/atelier-ete-2026-1.png').expect(404);
  });

  it('keeps a file name that tries to climb out of the course folder inside images/', async () => {
    const t = await open();
    const { agent } = await studioAgent(t);
    const token = await tokenFrom(agent, '/studio/courses/demo');
    await agent.post(upload).field('_csrf', token).attach('image', tinyPng, '../../../course.md.png').expect(303);
    await agent.post(upload).field('_csrf', token).attach('image', tinyPng, '..\\..\\evil.png').expect(303);
    const files = await listTree(path.join(t.draftsDir, 'demo/images'));
    expect(files).toEqual(['course-md.png', 'couverture.png', 'evil.png']);
    expect(await listTree(t.root)).not.toContain('evil.png');
  });

  it('refuses a file whose extension is not an image, with 400 and a French message', async () => {
    const t = await open();
    const { agent } = await studioAgent(t);
    const token = await tokenFrom(agent, '/studio/courses/demo');
    const res = await agent
      .post(upload)
      .field('_csrf', token)
      .attach('image', Buffer.from('<svg/>'), 'dessin.svg')
      .expect(400);
    expect(res.text).toContain('L’image n’a pas été ajoutée');
    expect(res.text).toContain('Format non accepté (« .svg »)');
    expect(await listTree(t.draftsDir)).toEqual([]);
  });

  it('refuses a file whose content is not the image type its name says', async () => {
    const t = await open();
    const { agent } = await studioAgent(t);
    const token = await tokenFrom(agent, '/studio/courses/demo');
    const html = await agent
      .post(upload)
      .field('_csrf', token)
      .attach('image', Buffer.from('<html><script>x</script>'), 'photo.png')
      .expect(400);
    expect(html.text).toContain('ne correspond pas à une image .png');
    await agent.post(upload).field('_csrf', token).attach('image', jpegHead, 'photo.png').expect(400);
    await agent.post(upload).field('_csrf', token).attach('image', jpegHead, 'photo.jpeg').expect(303);
    expect(await listTree(path.join(t.draftsDir, 'demo/images'))).toEqual(['couverture.png', 'photo.jpeg']);
  });

  it('refuses an image over 5 MB with 413, and keeps nothing of it', async () => {
    const t = await open();
    const { agent } = await studioAgent(t);
    const token = await tokenFrom(agent, '/studio/courses/demo');
    const big = Buffer.concat([tinyPng, Buffer.alloc(5 * 1024 * 1024)]);
    const res = await agent.post(upload).field('_csrf', token).attach('image', big, 'grande.png').expect(413);
    expect(res.text).toContain('Image trop lourde');
    expect(await listTree(t.draftsDir)).toEqual([]);
    expect(await listTree(path.join(t.dataDir, 'studio-tmp'))).toEqual([]);
  });

  it('asks for a file when none was chosen', async () => {
    const t = await open();
    const { agent } = await studioAgent(t);
    const token = await tokenFrom(agent, '/studio/courses/demo');
    const res = await agent.post(upload).field('_csrf', token).attach('image', Buffer.alloc(0), '').expect(400);
    expect(res.text).toContain('Choisissez une image à envoyer.');
  });

  it('serves draft files only from inside the course folder, of allowed types', async () => {
    const t = await open();
    const { agent } = await studioAgent(t);
    for (const url of [
      '/studio/preview/demo/assets/01-premier.md',
      '/studio/preview/demo/assets/..%2F..%2Fdata%2Fsnapshot.json',
      '/studio/preview/demo/assets/%2E%2E/demo/course.md',
      '/studio/preview/demo/assets/.hidden.png',
      '/studio/preview/demo/assets/images/absente.png',
    ]) {
      await agent.get(url).expect(404);
    }
    const image = await agent.get('/studio/preview/demo/assets/images/couverture.png').expect(200);
    expect(image.headers['content-security-policy']).toContain('sandbox');
  });
});
