import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { StoreUnavailableError } from '../../server/store/errors.ts';
import { createTestApp } from '../helpers/test-app.ts';
import { testConfig } from '../helpers/test-config.ts';

describe('/healthz', () => {
  it('answers 503 while the store cannot answer, so a load balancer sends traffic elsewhere', async () => {
    const t = await createTestApp();
    const failing = {
      ...t.store,
      count: async () => {
        throw new StoreUnavailableError('base PostgreSQL injoignable');
      },
    };
    const app = createApp({
      config: testConfig(),
      catalog: t.catalog,
      store: failing,
      storeKind: 'postgres',
      clock: t.now,
      csrfSecret: 'x',
    });
    const res = await request(app).get('/healthz').expect(503);
    expect(res.body).toEqual({ status: 'unavailable', store: 'postgres' });
    await t.close();
  });
});
