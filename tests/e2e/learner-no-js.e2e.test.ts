import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../helpers/start-server.ts';
import { JourneyAudit } from './helpers/audit.ts';
import { launchChromium, viewports } from './helpers/browser.ts';
import { learnerJourney } from './helpers/learner-journey.ts';
import { seedInvitation } from './helpers/seed.ts';

const invitee = { name: 'Jeanne Morel', email: 'jeanne@exemple.org', structure: 'Service d’aide à domicile' };

describe('a learner whose browser runs no JavaScript', () => {
  let server: RunningServer;
  let browser: Browser;
  let invitationPath = '';
  // axe-core runs inside the page and cannot without JavaScript; the same pages are audited by the other journeys.
  const audit = new JourneyAudit('learner-no-js', { axe: false });

  beforeAll(async () => {
    [server, browser] = await Promise.all([
      startServer({
        seed: async (dataDir) => {
          invitationPath = await seedInvitation(dataDir, invitee);
        },
      }),
      launchChromium(),
    ]);
  });
  afterAll(async () => {
    await audit.save();
    await browser?.close();
    await server?.stop();
  });

  it('goes from the invitation to the certificate with plain links and forms', async () => {
    const context = await browser.newContext({ ...viewports.desktop, javaScriptEnabled: false });
    const page = audit.watch(await context.newPage());
    const { certificatePath } = await learnerJourney(page, audit, {
      invitationUrl: `${server.baseUrl}${invitationPath}`,
      scripts: false,
    });
    expect(certificatePath).toMatch(/^\/certificates\/[\w-]+$/);
    audit.expectEveryPageChecked();
    await context.close();
  });
});
