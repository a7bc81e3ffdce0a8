import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../helpers/start-server.ts';
import { JourneyAudit } from './helpers/audit.ts';
import { launchChromium, viewports } from './helpers/browser.ts';
import { learnerPassword, mainText } from './helpers/learner-journey.ts';
import { seedInvitation } from './helpers/seed.ts';

const trainer = { name: 'Inès Moreau', email: 'ines@exemple.org', structure: 'Pôle formation' };
const addedLine = 'Une idée ajoutée dans le studio.';

describe('a trainer in the studio', () => {
  let server: RunningServer;
  let browser: Browser;
  let invitationPath = '';
  const audit = new JourneyAudit('trainer-studio');

  beforeAll(async () => {
    [server, browser] = await Promise.all([
      startServer({
        seed: async (dataDir) => {
          invitationPath = await seedInvitation(dataDir, trainer, 'trainer');
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

  it('edits a module, previews it, saves the draft and publishes it; the module shows the new text', async () => {
    const context = await browser.newContext(viewports.desktop);
    const page = audit.watch(await context.newPage());
    const click = (role: 'link' | 'button', name: string) => page.getByRole(role, { name, exact: true }).click();

    await audit.goto(page, 'Invitation (formatrice)', `${server.baseUrl}${invitationPath}`);
    await page.getByLabel('Mot de passe', { exact: true }).fill(learnerPassword);
    await page.getByLabel('Confirmez le mot de passe').fill(learnerPassword);
    await audit.visit(page, 'Mon parcours (formatrice)', () => click('button', 'Enregistrer le mot de passe'));
    await audit.visit(page, 'Studio', () => click('link', 'Studio'), { screenshot: true });
    await audit.visit(page, 'Formation dans le studio', () => click('link', 'Cours de démonstration'));
    await audit.visit(page, 'Éditeur de module', () => click('link', 'Modifier « Premier module »'), {
      screenshot: true,
    });

    const editor = page.getByLabel('Texte (Markdown)');
    const source = await editor.inputValue();
    const edited = source.replace('- Une dernière idée.', `- Une dernière idée.\n- ${addedLine}`);
    expect(edited).not.toBe(source);
    await editor.fill(edited);
    await audit.visit(page, 'Aperçu du module', () => click('button', 'Prévisualiser'));
    expect(await mainText(page)).toContain(addedLine);
    await audit.visit(page, 'Brouillon enregistré', () => click('button', 'Enregistrer le brouillon'));
    expect(await mainText(page)).toContain('Brouillon enregistré.');

    await audit.visit(page, 'Formation avec brouillon', () =>
      page.locator('nav.breadcrumb').getByRole('link', { name: 'Formation' }).click(),
    );
    await audit.visit(page, 'Formation publiée', () => click('button', 'Publier'), { screenshot: true });
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({ notice: 'published', version: '3' });

    await audit.goto(page, 'Module publié', `${server.baseUrl}/courses/demo/premier`);
    expect(await mainText(page)).toContain(addedLine);
    audit.expectEveryPageChecked();
    await context.close();
  });
});
