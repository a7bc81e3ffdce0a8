import { describe, expect, it } from 'vitest';
import { openStudioApps, studioAgent } from '../studio-test-app.ts';

const open = openStudioApps();

describe('studio: notices after an action', () => {
  it('says what the last action did, with its version when it has one', async () => {
    const t = await open();
    const { agent } = await studioAgent(t);
    expect((await agent.get('/studio/courses/demo?notice=renamed').expect(200)).text).toContain('Module renommé.');
    expect((await agent.get('/studio/courses/demo?notice=published&version=3')).text).toContain(
      'Version 3 publiée : les apprenants la voient désormais.',
    );
  });

  it('shows the page without a notice for an unknown one, even a name every object has', async () => {
    const t = await open();
    const { agent } = await studioAgent(t);
    for (const notice of ['constructor', 'toString', '__proto__', 'inconnue']) {
      const page = await agent.get(`/studio/courses/demo?notice=${notice}`).expect(200);
      expect(page.text).not.toContain('role="status"');
    }
  });
});
