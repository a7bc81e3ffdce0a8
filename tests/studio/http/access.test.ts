import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { csrfOf } from '../../helpers/test-app.ts';
import { listTree, openStudioApps, studioAgent, tinyPng, tokenFrom } from '../studio-test-app.ts';

const open = openStudioApps();

const pages = [
  '/studio',
  '/studio/guide',
  '/studio/new',
  '/studio/import',
  '/studio/courses/demo',
  '/studio/courses/demo/files/01-premier.md',
  '/studio/courses/demo/versions',
  '/studio/courses/demo/analysis',
  '/studio/courses/demo/satisfaction',
  '/studio/courses/demo/satisfaction/export.csv',
  '/studio/courses/demo/export/published',
  '/studio/preview/demo/premier',
];
const actions = [
  '/studio/new',
  '/studio/courses/demo/modules',
  '/studio/courses/demo/files/01-premier.md',
  '/studio/courses/demo/publish',
  '/studio/courses/demo/modules/01-premier.md/move',
];

describe('studio access', () => {
  it('sends visitors to the sign-in page, for pages and actions alike', async () => {
    const t = await open();
    for (const url of pages) {
      const res = await request(t.app).get(url).expect(303);
      expect(res.headers.location).toBe(`/login?next=${encodeURIComponent(url)}`);
    }
    const agent = request.agent(t.app);
    const token = csrfOf((await agent.get('/login')).text);
    for (const url of actions) {
      await agent
        .post(url)
        .type('form')
        .send({ _csrf: token })
        .expect(303)
        .expect('location', /^\/login/);
    }
  });

  it('refuses learners and HR staff with 403, for pages, actions and uploads', async () => {
    const t = await open();
    for (const role of ['learner', 'hr'] as const) {
      const { agent } = await studioAgent(t, role);
      const token = csrfOf((await agent.get('/me')).text);
      for (const url of pages) await agent.get(url).expect(403);
      for (const url of actions) await agent.post(url).type('form').send({ _csrf: token }).expect(403);
      await agent
        .post('/studio/courses/demo/images')
        .field('_csrf', token)
        .attach('image', tinyPng, 'photo.png')
        .expect(403);
    }
    expect(await listTree(t.draftsDir)).toEqual([]);
  });

  it('opens the studio to trainers and admins', async () => {
    const t = await open();
    for (const role of ['trainer', 'admin'] as const) {
      const { agent } = await studioAgent(t, role);
      for (const url of pages) await agent.get(url).expect(200);
    }
  });

  it('shows the studio link in the navigation of trainers only', async () => {
    const t = await open();
    const trainer = await studioAgent(t, 'trainer');
    expect((await trainer.agent.get('/studio')).text).toContain('href="/studio"');
    const learner = await studioAgent(t, 'learner');
    expect((await learner.agent.get('/me')).text).not.toContain('href="/studio"');
  });

  it('refuses every form posted without the CSRF token, and changes nothing', async () => {
    const t = await open();
    const { agent } = await studioAgent(t);
    for (const url of actions) {
      const res = await agent
        .post(url)
        .type('form')
        .send({ title: 'Essai', source: 'x', direction: 'down' })
        .expect(403);
      expect(res.text).toContain('Le formulaire a expiré');
    }
    await agent
      .post('/studio/courses/demo/files/01-premier.md')
      .type('form')
      .send({ _csrf: 'faux', source: 'x', action: 'save' })
      .expect(403);
    expect(await listTree(t.draftsDir)).toEqual([]);
  });

  it('refuses uploads whose multipart body lacks the token or carries a wrong one, before writing anything', async () => {
    const t = await open();
    const { agent } = await studioAgent(t);
    await agent.post('/studio/courses/demo/images').attach('image', tinyPng, 'photo.png').expect(403);
    await agent
      .post('/studio/courses/demo/images')
      .field('_csrf', 'faux')
      .attach('image', tinyPng, 'photo.png')
      .expect(403);
    // The token must come before the file: a token sent after it is too late.
    const token = await tokenFrom(agent);
    await agent
      .post('/studio/courses/demo/images')
      .attach('image', tinyPng, 'photo.png')
      .field('_csrf', token)
      .expect(403);
    await agent
      .post('/studio/import')
      .field('_csrf', 'faux')
      .attach('archive', Buffer.from('PK'), 'cours.zip')
      .expect(403);
    expect(await listTree(t.draftsDir)).toEqual([]);
    expect(await listTree(`${t.dataDir}/studio-tmp`)).toEqual([]);
  });

  it('keeps checking the token of multipart posts to any other route', async () => {
    const t = await open();
    const { agent } = await studioAgent(t);
    await agent.post('/logout').field('anything', 'x').expect(403);
    await agent.get('/studio').expect(200);
  });
});
