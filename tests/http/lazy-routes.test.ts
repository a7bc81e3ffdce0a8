import express, { Router } from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { lazyRoutes } from '../../server/http/lazy-routes.ts';
import { createTestApp } from '../helpers/test-app.ts';

function appWith(load: () => Promise<Router>) {
  const app = express();
  app.use(lazyRoutes(['/hr'], load));
  app.get('/other', (_req, res) => {
    res.send('other');
  });
  return app;
}

const hrRouter = () => {
  const router = Router();
  router.get('/hr', (_req, res) => {
    res.send('hr');
  });
  return router;
};

describe('routes loaded on first use', () => {
  it('loads their module on the first request under the prefix, once, and never for other paths', async () => {
    let loads = 0;
    const app = appWith(async () => {
      loads++;
      return hrRouter();
    });
    expect((await request(app).get('/other').expect(200)).text).toBe('other');
    expect(loads).toBe(0);
    await Promise.all([request(app).get('/hr').expect(200, 'hr'), request(app).get('/hr').expect(200, 'hr')]);
    await request(app).get('/hr/nothing-here').expect(404);
    await request(app).get('/hrx').expect(404);
    expect(loads).toBe(1);
  });

  it('answers 500 when the module fails to load, and tries again on the next request', async () => {
    let loads = 0;
    const app = appWith(async () => {
      loads++;
      if (loads === 1) throw new Error('import failed');
      return hrRouter();
    });
    await request(app).get('/hr').expect(500);
    await request(app).get('/hr').expect(200, 'hr');
  });

  it('serves the HR, studio and certificate pages of the real app', async () => {
    const t = await createTestApp();
    await request(t.app).get('/hr').expect(303).expect('location', '/login?next=%2Fhr');
    await request(t.app).get('/studio').expect(303).expect('location', '/login?next=%2Fstudio');
    await request(t.app).get('/verify').expect(200);
    await t.close();
  });
});
