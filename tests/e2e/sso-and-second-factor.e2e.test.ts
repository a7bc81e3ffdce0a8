import { generateSync } from 'otplib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../server/accounts/password.ts';
import { createUser } from '../../server/accounts/users.ts';
import { openAppStore } from '../../server/open-app-store.ts';
import { startTestProvider, type TestProvider } from '../helpers/oidc-provider.ts';
import { freePort, type RunningServer, startServer } from '../helpers/start-server.ts';
import { JourneyAudit } from './helpers/audit.ts';
import { launchChromium, viewports } from './helpers/browser.ts';
import { learnerPassword, mainText } from './helpers/learner-journey.ts';

const hrOfficer = { name: 'Paul Martin', email: 'rh@exemple.org', structure: 'Siège' };
const admin = { name: 'Aïcha Benali', email: 'direction@exemple.org', structure: 'Siège' };
/** The administrator's authenticator, set up before the journey (codes computed by the test). */
const adminSecret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const code = (secret: string) => generateSync({ secret, epoch: Math.floor(Date.now() / 1000) });

describe('single sign-on and the second factor in a browser', () => {
  let server: RunningServer;
  let provider: TestProvider;
  let browser: Browser;
  let hrId = '';
  const audit = new JourneyAudit('sso-and-second-factor');

  beforeAll(async () => {
    const port = await freePort();
    provider = await startTestProvider({ appOrigin: `http://127.0.0.1:${port}` });
    [server, browser] = await Promise.all([
      startServer({
        port,
        env: {
          OIDC_ISSUER: provider.issuer,
          OIDC_CLIENT_ID: provider.clientId,
          OIDC_CLIENT_SECRET: provider.clientSecret,
          OIDC_BUTTON_LABEL: 'Se connecter avec le compte du réseau',
          MFA_REQUIRED_ROLES: 'hr,admin',
        },
        seed: async (dataDir) => {
          const store = await openAppStore(dataDir);
          try {
            const hash = await hashPassword(learnerPassword);
            const now = new Date();
            hrId = (await createUser(store, { ...hrOfficer, matricule: null, role: 'hr' }, now, hash)).id;
            const boss = await createUser(store, { ...admin, matricule: null, role: 'admin' }, now, hash);
            await store.transact((tx) => {
              tx.put('secondFactors', {
                id: boss.id,
                secret: adminSecret,
                pendingSecret: null,
                confirmedAt: now.toISOString(),
                lastStep: null,
                recoveryCodes: [],
              });
            });
          } finally {
            await store.close();
          }
        },
      }),
      launchChromium(),
    ]);
  });
  afterAll(async () => {
    await audit.save();
    await browser?.close();
    await server?.stop();
    await provider?.close();
  });

  async function open(): Promise<Page> {
    const context = await browser.newContext(viewports.desktop);
    return audit.watch(await context.newPage());
  }

  const signInWithPassword = async (page: Page, name: string, who: { email: string }) => {
    await audit.goto(page, name, `${server.baseUrl}/login`);
    await page.getByLabel('Adresse e-mail').fill(who.email);
    await page.getByLabel('Mot de passe').fill(learnerPassword);
  };

  it('a learner signs in through the provider, and out through it', async () => {
    provider.accounts.set('lea', { email: 'lea@exemple.org', email_verified: true, name: 'Léa Dubois' });
    const page = await open();
    await audit.goto(page, 'Connexion (bouton du fournisseur)', `${server.baseUrl}/login`, { screenshot: true });
    // The provider's own pages are not Passerelle's: they are used, not checked.
    await Promise.all([
      page.waitForURL((url) => url.origin === provider.issuer),
      page.getByRole('link', { name: 'Se connecter avec le compte du réseau' }).click(),
    ]);
    await page.locator('input[name=login]').fill('lea');
    await page.locator('input[name=password]').fill('peu importe');
    await Promise.all([page.waitForURL(/\/interaction\//), page.locator('button[type=submit]').click()]);
    await audit.visit(page, 'Mon parcours (connexion unique)', () => page.locator('button[type=submit]').click());
    expect(new URL(page.url()).pathname).toBe('/me');
    expect(await page.getByText('Léa Dubois').first().isVisible()).toBe(true);

    await Promise.all([
      page.waitForURL((url) => url.origin === provider.issuer),
      page.getByRole('button', { name: 'Se déconnecter', exact: true }).click(),
    ]);
    await audit.visit(page, 'Accueil après déconnexion', () => page.locator('button[type=submit]').first().click());
    expect(page.url()).toBe(`${server.baseUrl}/`);
  });

  it('a sign-in that cannot be checked shows a French page with a way back', async () => {
    const page = await open();
    expect(
      await audit.goto(page, 'Connexion unique refusée', `${server.baseUrl}/login/oidc/callback?code=x&state=y`),
    ).toBe(403);
    expect(await mainText(page)).toContain('Recommencez la connexion');
    await audit.visit(page, 'Connexion (retour)', () =>
      page.getByRole('link', { name: 'Retour à la page de connexion' }).click(),
    );
  });

  it('an HR officer sets up the second factor at the first sign-in, then gives a code', async () => {
    const page = await open();
    await signInWithPassword(page, 'Connexion (RH)', hrOfficer);
    await audit.visit(
      page,
      'Activer la double authentification',
      () => page.getByRole('button', { name: 'Se connecter', exact: true }).click(),
      { screenshot: true },
    );
    expect(
      await page.getByRole('img', { name: 'QR code à scanner avec votre application d’authentification' }).isVisible(),
    ).toBe(true);
    const secret = ((await page.locator('code.secret').textContent()) ?? '').replace(/\s/g, '');
    await page.getByLabel('Code à 6 chiffres').fill('000000');
    expect(
      await audit.visit(page, 'Code de mise en place incorrect', () =>
        page.getByRole('button', { name: 'Activer' }).click(),
      ),
    ).toBe(401);
    await page.getByLabel('Code à 6 chiffres').fill(code(secret));
    await audit.visit(page, 'Codes de secours', () => page.getByRole('button', { name: 'Activer' }).click(), {
      screenshot: true,
    });
    const recoveryCodes = await page.locator('.recovery-codes code').allTextContents();
    expect(recoveryCodes).toHaveLength(10);
    await audit.visit(page, 'Mon parcours (RH)', () =>
      page.getByRole('link', { name: 'J’ai noté mes codes, continuer' }).click(),
    );
    await audit.visit(page, 'Double authentification (compte)', () =>
      page.getByRole('link', { name: 'Double authentification' }).click(),
    );
    expect(await mainText(page)).toContain('Activée depuis le');

    const again = await open();
    await signInWithPassword(again, 'Connexion (RH, seconde fois)', hrOfficer);
    await audit.visit(again, 'Code de vérification', () =>
      again.getByRole('button', { name: 'Se connecter', exact: true }).click(),
    );
    await again.getByLabel('Code à 6 chiffres, ou code de secours').fill('000000');
    expect(
      await audit.visit(again, 'Code de vérification incorrect', () =>
        again.getByRole('button', { name: 'Valider' }).click(),
      ),
    ).toBe(401);
    // The code of the setup may still be on screen: a recovery code, which needs no waiting.
    await again.getByLabel('Code à 6 chiffres, ou code de secours').fill(recoveryCodes[0]!);
    await audit.visit(again, 'Mon parcours (RH, code de secours)', () =>
      again.getByRole('button', { name: 'Valider' }).click(),
    );
    expect(new URL(again.url()).pathname).toBe('/me');
  });

  it('an administrator resets the HR officer’s second factor', async () => {
    const page = await open();
    await signInWithPassword(page, 'Connexion (administratrice)', admin);
    await audit.visit(page, 'Code de vérification (administratrice)', () =>
      page.getByRole('button', { name: 'Se connecter', exact: true }).click(),
    );
    await page.getByLabel('Code à 6 chiffres, ou code de secours').fill(code(adminSecret));
    await page.getByLabel('Ne plus me demander de code sur cet appareil pendant 30 jours').check();
    await audit.visit(page, 'Mon parcours (administratrice)', () =>
      page.getByRole('button', { name: 'Valider' }).click(),
    );
    await audit.goto(page, 'Fiche RH (double authentification)', `${server.baseUrl}/admin/users/${hrId}`);
    await audit.visit(page, 'Double authentification réinitialisée', () =>
      page.getByRole('button', { name: 'Réinitialiser la double authentification' }).click(),
    );
    expect(await mainText(page)).toContain('La double authentification a été réinitialisée.');
  });
});
