import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { onlyWithBody } from '../../server/http/only-with-body.ts';

function appCounting() {
  const app = express();
  let parsed = 0;
  const parser = express.urlencoded({ extended: false });
  app.use(
    onlyWithBody((req, res, next) => {
      parsed++;
      parser(req, res, next);
    }),
  );
  app.all('/form', (req, res) => {
    res.json({ body: req.body ?? null });
  });
  return { app, parsed: () => parsed };
}

describe('body parsing only for requests with a body', () => {
  it('parses a form sent with its length', async () => {
    const { app, parsed } = appCounting();
    const sent = await request(app).post('/form').type('form').send('name=Camille&_csrf=x').expect(200);
    expect(sent.body.body).toEqual({ name: 'Camille', _csrf: 'x' });
    expect(parsed()).toBe(1);
  });

  it('lets a request without a body pass without the parser', async () => {
    const { app, parsed } = appCounting();
    expect((await request(app).get('/form').expect(200)).body.body).toBeNull();
    expect(parsed()).toBe(0);
  });
});
