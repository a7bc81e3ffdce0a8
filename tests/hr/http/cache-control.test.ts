import { describe, expect, it } from 'vitest';
import { download, hrApp, hrUrls } from './hr-test-app.ts';

describe('HR pages and files in caches', () => {
  it('are never kept by a browser or a proxy: every page, export and error answer says no-store', async () => {
    const { agent } = await hrApp();
    const answers = [
      ...(await Promise.all(hrUrls.map((url) => download(agent, url).expect(200)))),
      await agent.get('/hr?from=2026-13-45').expect(400),
      await agent.get('/hr/learners/nobody').expect(404),
      await agent.head('/hr/exports/completions.csv').expect(200),
    ];
    for (const answer of answers) expect(answer.headers['cache-control']).toBe('no-store');
  });
});
