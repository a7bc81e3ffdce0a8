import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../helpers/start-server.ts';
import { JourneyAudit } from './helpers/audit.ts';
import { launchChromium, viewports } from './helpers/browser.ts';
import { learnerJourney, learnerPassword } from './helpers/learner-journey.ts';
import { seedInvitation } from './helpers/seed.ts';

const invitee = { name: 'Fatou Diallo', email: 'fatou@exemple.org', structure: 'Maison des familles' };

describe('a learner on a small phone (360 × 640)', () => {
  let server: RunningServer;
  let browser: Browser;
  let invitationPath = '';
  const audit = new JourneyAudit('learner-phone');

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

  it('goes from the invitation to the certificate without scrolling sideways, then signs out and in again', async () => {
    const context = await browser.newContext(viewports.phone);
    const page = audit.watch(await context.newPage());
    await learnerJourney(page, audit, { invitationUrl: `${server.baseUrl}${invitationPath}`, screenshots: true });

    await audit.visit(page, 'Accueil après déconnexion', () =>
      page.getByRole('button', { name: 'Se déconnecter' }).click(),
    );
    await audit.visit(page, 'Connexion', () => page.getByRole('link', { name: 'Se connecter' }).click(), {
      screenshot: true,
    });
    await page.getByLabel('Adresse e-mail').fill(invitee.email);
    await page.getByLabel('Mot de passe').fill('pas le bon mot de passe');
    expect(
      await audit.visit(page, 'Connexion refusée', () => page.getByRole('button', { name: 'Se connecter' }).click()),
    ).toBe(401);
    await page.getByLabel('Mot de passe').fill(learnerPassword);
    await audit.visit(page, 'Mon parcours après connexion', () =>
      page.getByRole('button', { name: 'Se connecter' }).click(),
    );
    expect(new URL(page.url()).pathname).toBe('/me');

    audit.expectEveryPageChecked();
    await context.close();
  });
});
