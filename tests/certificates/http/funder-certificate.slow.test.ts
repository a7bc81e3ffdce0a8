import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuiltCourse } from '../../catalog/course-builder.ts';
import { addUser, createTestApp, signIn, type TestApp } from '../../helpers/test-app.ts';
import { runPoppler, skipWithoutPoppler } from '../run-poppler.ts';
import { passDemoQuizzes as complete } from './complete-course.ts';
import { buildFunderCourse, minute } from './funder-course.ts';

describe('the certificate of a course with funder information', () => {
  let t: TestApp;
  let built: BuiltCourse;

  beforeAll(async () => {
    built = await buildFunderCourse();
    t = await createTestApp({ coursesDir: built.root, config: { baseUrl: 'https://formation.exemple.org' } });
  });
  afterAll(async () => {
    await t.close();
    await built.remove();
  });

  it.skipIf(skipWithoutPoppler)(
    'prints the modalities and the update date on the PDF and the public page',
    async () => {
      const learner = await addUser(t);
      const agent = await signIn(t, learner);
      await complete(t, agent);
      t.advance(15 * minute);
      await agent.get('/courses/demo/premier').expect(200);
      const [certificate] = await t.store.findBy('certificates', 'userId', learner.id);
      const res = await agent
        .get(`/certificates/${certificate!.id}/attestation.pdf`)
        .buffer(true)
        .parse((r, cb) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => cb(null, Buffer.concat(chunks)));
        })
        .expect(200);
      const file = path.join(t.dataDir, 'minimum.pdf');
      await writeFile(file, res.body as Buffer);
      const text = (await runPoppler('pdftotext', [file, '-'])).replace(/\u00a0/g, ' ').replace(/\s+/g, ' ');
      expect(text).toContain('Modalités : À distance, en autonomie, avec une référente joignable');
      expect(text).toContain('Contenu mis à jour le : 30 novembre 2026');
      expect(text).toContain('Temps mesuré : 21 min');
      expect(text).not.toContain('à distance (e-learning)');
      const verify = await request(t.app).get(`/verify/${certificate!.token}`).expect(200);
      expect(verify.text).toContain('À distance, en autonomie, avec une référente joignable');
      expect(verify.text).toContain('30 novembre 2026');
    },
  );
});
