import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/test-app.ts';

let t: TestApp;
let app: TestApp['app'];
beforeAll(async () => {
  t = await createTestApp();
  app = t.app;
});
afterAll(() => t.close());

describe('reading pages', () => {
  it('lists the catalog with title, summary, duration and module count', async () => {
    const res = await request(app).get('/courses').expect(200);
    expect(res.text).toContain('<html lang="fr">');
    expect(res.text).toContain('Cours de démonstration');
    expect(res.text).toContain('Un petit cours pour les tests.');
    expect(res.text).toContain('Durée : 25 min · 2 modules');
    expect((await request(app).get('/').expect(200)).text).toContain('Cours de démonstration');
  });

  it('shows a course with its objectives, duration and modules', async () => {
    const res = await request(app).get('/courses/demo').expect(200);
    expect(res.text).toContain('Répondre à un quiz');
    expect(res.text).toContain('href="/courses/demo/premier"');
    expect(res.text).toContain('Évaluation finale');
    expect(res.text.match(/<h1>/g)).toHaveLength(1);
  });

  it('shows a module with its table of contents, navigation and quiz form without the key', async () => {
    const res = await request(app).get('/courses/demo/premier').expect(200);
    const html = res.text;
    expect(html).toContain('<h1>Premier module</h1>');
    expect(html).toContain('href="#situation"');
    expect(html).toContain('href="/courses/demo/evaluation" rel="next"');
    expect(html).toContain('type="radio" id="q1-c1" name="q1" value="c1"');
    expect(html).toContain('type="checkbox"');
    expect(html).toContain('<label for="q4-input">');
    // Neither the key nor the feedback may reach the browser before answering.
    expect(html).not.toContain('Cela passe à côté');
    expect(html).not.toContain("Oui : c'est un point d'appui");
    expect(html).not.toContain('partir des usages existants');
    expect(html).not.toMatch(/whatsapp/i);
    expect(html).not.toMatch(/correct/i);
  });

  it('keeps a module page under 30 KB with its stylesheet', async () => {
    const page = await request(app).get('/courses/demo/premier');
    const css = await request(app).get('/static/style.css').expect(200);
    expect(Buffer.byteLength(page.text) + Buffer.byteLength(css.text)).toBeLessThan(30 * 1024);
  });

  it('serves course images from the course folder', async () => {
    const res = await request(app).get('/courses/demo/assets/images/couverture.png').expect(200);
    expect(res.headers['content-type']).toBe('image/png');
  });

  it.each([
    '/courses/absent',
    '/courses/demo/absent',
    '/courses/demo/assets/course.md',
    '/courses/demo/assets/01-premier.md',
    '/courses/demo/assets/../../../package.json',
    '/courses/demo/assets/..%2f..%2f..%2fpackage.json',
    '/courses/demo/assets/%2e%2e/%2e%2e/%2e%2e/package.json',
    '/courses/demo/assets/images/absente.png',
    '/courses/..%2f..%2fpackage.json',
    '/courses/demo/assets/.secret.png',
  ])('answers 404 in French for %s', async (url) => {
    const res = await request(app).get(url).expect(404);
    expect(res.text).toContain('Page introuvable');
  });
});
