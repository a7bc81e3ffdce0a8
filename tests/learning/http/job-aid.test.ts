import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/test-app.ts';

const bundled = path.resolve(import.meta.dirname, '../../../courses');
let t: TestApp;
let demo: TestApp;
beforeAll(async () => {
  t = await createTestApp({ coursesDir: bundled });
  demo = await createTestApp();
});
afterAll(async () => {
  await t.close();
  await demo.close();
});

const pdfParser = (res: request.Response, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('a course’s job aid (fiche.md)', () => {
  it('is a page of its own: the sheet, its source, how to print it and the PDF', async () => {
    const res = await request(t.app).get('/courses/pratiques-numeriques/fiche').expect(200);
    expect(res.text).toContain('<h1>Le traducteur d&#39;usages</h1>');
    expect(res.text).toContain('<th>Usage du quotidien</th>');
    expect(res.text).toContain("<td>Envoyer de l'argent à sa famille à l'étranger</td>");
    expect(res.text).toContain('href="/courses/pratiques-numeriques/fiche.pdf"');
    expect(res.text).toContain('Ctrl + P');
    expect(res.text).toContain(
      'Reconnaître et valoriser les pratiques numériques des personnes accompagnées — version 2',
    );
    expect(res.text.match(/<h1>/g)).toHaveLength(1);
  });

  it('is linked from the course page and from the last module only', async () => {
    for (const [slug, title] of [
      ['culture-numerique', 'Les autres chemins'],
      ['pratiques-numeriques', 'Le traducteur d&#39;usages'],
    ]) {
      const course = t.catalog.bySlug.get(slug!)!;
      const coursePage = await request(t.app).get(`/courses/${slug}`).expect(200);
      expect(coursePage.text).toContain(`href="/courses/${slug}/fiche">Fiche à imprimer : ${title}</a>`);
      expect(coursePage.text).toContain(`href="/courses/${slug}/fiche.pdf"`);
      const last = await request(t.app)
        .get(`/courses/${slug}/${course.modules.at(-1)!.slug}`)
        .expect(200);
      expect(last.text).toContain(`href="/courses/${slug}/fiche"`);
      expect(last.text).toContain(`href="/courses/${slug}/fiche.pdf"`);
      const first = await request(t.app).get(`/courses/${slug}/${course.modules[0]!.slug}`).expect(200);
      expect(first.text).not.toContain(`/courses/${slug}/fiche`);
    }
  });

  it('downloads as a PDF generated on the server, the same bytes on the next request', async () => {
    const first = await request(t.app)
      .get('/courses/culture-numerique/fiche.pdf')
      .buffer(true)
      .parse(pdfParser)
      .expect(200);
    expect(first.headers['content-type']).toBe('application/pdf');
    expect(first.headers['content-disposition']).toBe('inline; filename="fiche-culture-numerique.pdf"');
    const bytes = first.body as Buffer;
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const again = await request(t.app).get('/courses/culture-numerique/fiche.pdf').buffer(true).parse(pdfParser);
    expect(Buffer.compare(again.body as Buffer, bytes)).toBe(0);
  });

  it('is not found for a course without one, or an unknown course', async () => {
    await request(demo.app).get('/courses/demo/fiche').expect(404);
    await request(demo.app).get('/courses/demo/fiche.pdf').expect(404);
    await request(t.app).get('/courses/absent/fiche').expect(404);
    await request(t.app).get('/courses/absent/fiche.pdf').expect(404);
    const coursePage = await request(demo.app).get('/courses/demo').expect(200);
    expect(coursePage.text).not.toContain('/courses/demo/fiche');
  });

  it('asks to sign in first when the site requires it, as the course pages do', async () => {
    const closed = await createTestApp({ coursesDir: bundled, config: { requireLogin: true } });
    try {
      const page = await request(closed.app).get('/courses/culture-numerique/fiche');
      const pdf = await request(closed.app).get('/courses/culture-numerique/fiche.pdf');
      for (const res of [page, pdf]) {
        expect(res.status).toBe(303);
        expect(res.headers.location).toMatch(/^\/login/);
      }
    } finally {
      await closed.close();
    }
  });
});
