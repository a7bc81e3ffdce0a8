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

    // Moodle exchange: the import page, and a refusal that names the line of what Passerelle cannot take.
    await audit.goto(page, 'Importer des questions Moodle', `${server.baseUrl}/studio/courses/demo/gift-import`);
    await page.getByLabel('Fichier GIFT').setInputFiles({
      name: 'banque.gift',
      mimeType: 'text/plain',
      buffer: Buffer.from('Bonne ? {=Oui ~Non}\n\nCombien ? {#4}\n'),
    });
    expect(await audit.visit(page, 'Import GIFT refusé', () => click('button', 'Importer les questions'))).toBe(422);
    expect(await mainText(page)).toContain('banque.gift, ligne 3');

    // A job aid starts from a template and opens in the editor, with the printed page as its preview.
    await audit.goto(page, 'Formation (fiche à imprimer)', `${server.baseUrl}/studio/courses/demo`);
    await audit.visit(page, 'Éditeur de la fiche à imprimer', () =>
      click('button', 'Ajouter une fiche à imprimer (fiche.md, une page A4)'),
    );
    expect(await mainText(page)).toContain('Qui contacter');

    // The studio's script is a module sharing slugify with the server: the address follows the title.
    await audit.goto(page, 'Nouvelle formation', `${server.baseUrl}/studio/new`);
    await page.getByLabel('Titre de la formation').fill('Écrire à l’équipe !');
    expect(await page.getByLabel('Nom dans l’adresse (facultatif)').inputValue()).toBe('ecrire-a-l-equipe');

    // Her own account: a new password, then every session closed.
    const newPassword = 'un autre jardin du jeudi';
    await audit.goto(page, 'Changer mon mot de passe', `${server.baseUrl}/account/password`);
    await page.getByLabel('Mot de passe actuel').fill(learnerPassword);
    await page.getByLabel('Nouveau mot de passe', { exact: true }).fill(newPassword);
    await page.getByLabel('Confirmez le nouveau mot de passe').fill(newPassword);
    await audit.visit(page, 'Mot de passe changé', () => click('button', 'Changer le mot de passe'));
    expect(await mainText(page)).toContain('Votre mot de passe a été changé');
    await audit.goto(page, 'Se déconnecter partout', `${server.baseUrl}/account/sign-out-everywhere`);
    await audit.visit(page, 'Toutes les sessions fermées', () => click('button', 'Fermer toutes mes sessions'));
    audit.expectEveryPageChecked();
    await context.close();
  });
});
