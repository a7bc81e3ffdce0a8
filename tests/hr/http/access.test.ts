import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { addUser, signIn } from '../../helpers/test-app.ts';
import { auditBesidesSignIns, hrApp, hrUrls } from './hr-test-app.ts';

describe('HR routes: access', () => {
  it('opens the dashboard to HR and admins', async () => {
    const { t, agent } = await hrApp();
    await agent.get('/hr').expect(200);
    const admin = await signIn(t, await addUser(t, 'admin'));
    await admin.get('/hr').expect(200);
  });

  it('refuses learners and trainers every HR page and export', async () => {
    const { t } = await hrApp();
    for (const role of ['learner', 'trainer'] as const) {
      const agent = await signIn(t, await addUser(t, role));
      for (const url of hrUrls) await agent.get(url).expect(403);
    }
    expect(await auditBesidesSignIns(t)).toBe(0);
  });

  it('sends anonymous visitors to the sign-in page', async () => {
    const { t } = await hrApp();
    for (const url of hrUrls) {
      const res = await request(t.app).get(url).expect(303);
      expect(res.headers.location).toBe(`/login?next=${encodeURIComponent(url)}`);
    }
  });
});
