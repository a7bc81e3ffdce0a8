import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createTestApp, csrfOf } from '../../helpers/test-app.ts';

describe('first run', () => {
  it('creates the first admin through the one-time setup link, then closes it', async () => {
    const fresh = await createTestApp();
    const { setupLinkIfNeeded } = await import('../../../server/accounts/ensure-installation.ts');
    const link = await setupLinkIfNeeded(fresh.store, { baseUrl: 'http://localhost:3000' } as never, fresh.now());
    const path = link!.replace('http://localhost:3000', '');
    await request(fresh.app).get('/setup?token=faux-jeton-de-configuration').expect(404);
    const agent = request.agent(fresh.app);
    const form = await agent.get(path).expect(200);
    const rejected = await agent
      .post(path)
      .type('form')
      .send({
        _csrf: csrfOf(form.text),
        name: 'Awa Diallo',
        email: 'pas-un-email',
        structure: 'Siège',
        password: 'x',
        confirm: 'y',
      })
      .expect(400);
    expect(rejected.text).toContain('value="Awa Diallo"');
    expect(rejected.text).toContain('Adresse e-mail invalide.');
    await agent
      .post(path)
      .type('form')
      .send({
        _csrf: csrfOf(rejected.text),
        name: 'Awa Diallo',
        email: 'awa@exemple.org',
        structure: 'Siège',
        password: 'le bateau bleu du port',
        confirm: 'le bateau bleu du port',
      })
      .expect(303);
    const admins = await fresh.store.findBy('users', 'role', 'admin');
    expect(admins.map((a) => a.email)).toEqual(['awa@exemple.org']);
    await request(fresh.app).get(path).expect(404);
    expect(await setupLinkIfNeeded(fresh.store, { baseUrl: 'x' } as never, fresh.now())).toBeUndefined();
    await fresh.close();
  });
});

describe('setup links', () => {
  it('keep only the newest one working: each start without an administrator replaces the previous link', async () => {
    const fresh = await createTestApp();
    try {
      const { setupLinkIfNeeded } = await import('../../../server/accounts/ensure-installation.ts');
      const config = { baseUrl: '' } as never;
      const first = await setupLinkIfNeeded(fresh.store, config, fresh.now());
      fresh.advance(60_000);
      const second = await setupLinkIfNeeded(fresh.store, config, fresh.now());
      await request(fresh.app).get(first!).expect(404);
      await request(fresh.app).get(second!).expect(200);
    } finally {
      await fresh.close();
    }
  });
});
