// Callbacks of page.evaluate run in the browser.
/// <reference lib="dom" />
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContextOptions } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeQrCode } from '../certificates/decode-qr-code.ts';
import { runPoppler } from '../certificates/run-poppler.ts';
import { type LrsTestServer, startLrsServer } from '../helpers/lrs-test-server.ts';
import { type RunningServer, startServer } from '../helpers/start-server.ts';
import { JourneyAudit } from './helpers/audit.ts';
import { launchChromium, viewports } from './helpers/browser.ts';
import { type LearnerJourneyResult, learnerJourney, learnerPassword, mainText } from './helpers/learner-journey.ts';

const admin = { name: 'Aïcha Benali', email: 'direction@exemple.org', structure: 'Siège' };
const learner = { name: 'Zoé Lefèvre', email: 'zoe@exemple.org', structure: 'creche-lilas' };
const hrOfficer = { name: 'Paul Martin', email: 'rh@exemple.org', structure: 'reseau' };

describe('from the first run to a verified certificate', () => {
  let server: RunningServer;
  let browser: Browser;
  // A learning record store that refuses every statement: the admin sees them fail, then sends them again.
  let lrs: LrsTestServer;
  const audits: JourneyAudit[] = [];
  const invitations: Record<'learner' | 'hr', string> = { learner: '', hr: '' };
  let learnerResult: LearnerJourneyResult | undefined;
  let learnerContext: BrowserContextOptions['storageState'];

  beforeAll(async () => {
    lrs = await startLrsServer();
    lrs.mode = 'refuse400';
    const env = { LRS_ENDPOINT: lrs.endpoint, LRS_KEY: lrs.credentials.key, LRS_SECRET: lrs.credentials.secret };
    [server, browser] = await Promise.all([startServer({ env }), launchChromium()]);
  });
  afterAll(async () => {
    for (const audit of audits) await audit.save();
    await browser?.close();
    await server?.stop();
    await lrs?.close();
  });

  /** A fresh browser context (its own cookies) whose pages the audit follows. */
  async function open(journey: string, options: BrowserContextOptions = viewports.desktop) {
    const audit = new JourneyAudit(journey);
    audits.push(audit);
    const context = await browser.newContext(options);
    const page = audit.watch(await context.newPage());
    return { audit, context, page };
  }

  it('first run: the setup link creates the administrator, who invites a learner and an HR officer', async () => {
    const { audit, context, page } = await open('first-run');
    expect(server.setupLink, server.output()).toMatch(/\/setup\?token=/);
    await audit.goto(page, 'Création du compte administrateur', server.setupLink!, { screenshot: true });
    await page.getByLabel('Nom et prénom').fill(admin.name);
    await page.getByLabel('Adresse e-mail').fill(admin.email);
    await page.getByLabel('Structure').fill(admin.structure);
    await page.getByLabel('Mot de passe', { exact: true }).fill('les tilleuls fleurissent en juin');
    await page.getByLabel('Confirmez le mot de passe').fill('les tilleuls fleurissent en juin');
    await audit.visit(page, 'Utilisateurs', () => page.getByRole('button', { name: 'Créer le compte' }).click());
    expect(new URL(page.url()).pathname).toBe('/admin/users');

    // The network's tree: a federation, an association below it, a move refused, a merge confirmed.
    await audit.visit(page, 'Structures', () => page.getByRole('link', { name: 'Structures' }).click());
    for (const [code, name, parent] of [
      ['bretagne', 'Fédération Bretagne', 'reseau'],
      ['creche-lilas', 'Crèche Les Lilas', 'bretagne'],
      ['lilas-bis', 'Crèche Les Lilas (doublon)', 'bretagne'],
    ] as const) {
      await page.getByLabel('Nom', { exact: true }).fill(name);
      await page.getByLabel('Code', { exact: true }).fill(code);
      await page.getByLabel('Structure parente').selectOption(parent);
      await audit.visit(page, `Structure ajoutée (${code})`, () =>
        page.getByRole('button', { name: 'Ajouter' }).click(),
      );
    }
    await audit.visit(page, 'Structure « Fédération Bretagne »', () =>
      page.getByRole('link', { name: 'Fédération Bretagne' }).click(),
    );
    await page.getByLabel('Structure parente').selectOption('reseau');
    await audit.visit(page, 'Structure déplacée', () => page.getByRole('button', { name: 'Déplacer' }).click());
    await audit.goto(page, 'Structure doublon', `${server.baseUrl}/admin/structures/lilas-bis`);
    await page.getByLabel('Fusionner dans').selectOption('creche-lilas');
    await audit.visit(page, 'Confirmation de fusion', () => page.getByRole('button', { name: 'Continuer' }).click());
    await audit.visit(page, 'Fusion faite', () => page.getByRole('button', { name: 'Fusionner' }).click());
    // The federation's face: a colour too light refused with its ratio, then a readable one, a logo, its removal.
    await audit.goto(page, 'Visage de la fédération', `${server.baseUrl}/admin/structures/bretagne/face`);
    const saveFace = () => page.getByRole('button', { name: 'Enregistrer la couleur et le signataire' }).click();
    await page.getByLabel('Couleur (#rrggbb)').fill('#777777');
    expect(await audit.visit(page, 'Couleur refusée', saveFace)).toBe(400);
    await page.getByLabel('Couleur (#rrggbb)').fill('#1f4e9a');
    await page.getByLabel('Fait à (lieu de signature des attestations)').fill('Rennes');
    await audit.visit(page, 'Visage enregistré', saveFace);
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 10"><rect width="40" height="10" fill="#1f4e9a"/></svg>';
    await page
      .getByLabel('Nouveau logo')
      .setInputFiles({ name: 'logo.svg', mimeType: 'image/svg+xml', buffer: Buffer.from(svg) });
    await audit.visit(page, 'Logo enregistré', () => page.getByRole('button', { name: 'Envoyer le logo' }).click());
    await audit.visit(page, 'Retrait du logo', () => page.getByRole('link', { name: 'Retirer le logo' }).click());
    await audit.visit(page, 'Logo retiré', () => page.getByRole('button', { name: 'Retirer le logo' }).click());
    await audit.goto(page, 'Import de l’arbre', `${server.baseUrl}/admin/structures/import`);
    await page.getByLabel('Arbre des structures').fill('code;nom;parent\nsiege-bzh;Siège Bretagne;bretagnne');
    expect(await audit.visit(page, 'Import refusé', () => page.getByRole('button', { name: 'Importer' }).click())).toBe(
      400,
    );
    await audit.goto(page, 'Utilisateurs', `${server.baseUrl}/admin/users`);

    await audit.visit(page, 'Inviter une personne', () =>
      page.getByRole('link', { name: 'Inviter une personne' }).click(),
    );
    expect(
      await audit.visit(page, 'Invitation incomplète', () =>
        page.getByRole('button', { name: 'Créer l’invitation' }).click(),
      ),
    ).toBe(400);
    for (const [person, role, key] of [
      [learner, 'Apprenant·e', 'learner'],
      [hrOfficer, 'Ressources humaines', 'hr'],
    ] as const) {
      if (key === 'hr')
        await audit.visit(page, 'Inviter une autre personne', () =>
          page.getByRole('link', { name: 'Inviter une autre personne' }).click(),
        );
      await page.getByLabel('Nom et prénom').fill(person.name);
      await page.getByLabel('Adresse e-mail').fill(person.email);
      await page.getByLabel('Structure').selectOption(person.structure);
      await page.getByLabel('Rôle').selectOption({ label: role });
      await audit.visit(page, `Lien d’invitation (${role})`, () =>
        page.getByRole('button', { name: 'Créer l’invitation' }).click(),
      );
      invitations[key] = await page.getByLabel('Lien d’invitation').inputValue();
      expect(invitations[key]).toMatch(new RegExp(`^${server.baseUrl}/invitations/[\\w-]+$`));
    }
    // Without SMTP_URL the outbox page says that links are shown instead.
    expect(await audit.goto(page, 'E-mails', `${server.baseUrl}/admin/emails`)).toBe(200);
    await page.getByText('L’envoi d’e-mails n’est pas configuré').waitFor();
    // The audit trail: filtered by action, then a filter refused (a date typed the French way).
    await audit.goto(page, 'Journal d’audit', `${server.baseUrl}/admin/audit`);
    await page.getByLabel('Action').selectOption({ label: 'Invitation' });
    await audit.visit(page, 'Journal d’audit filtré', () => page.getByRole('button', { name: 'Filtrer' }).click());
    expect(await mainText(page)).toContain(learner.name);
    expect(
      await audit.goto(page, 'Journal d’audit (date invalide)', `${server.baseUrl}/admin/audit?from=31%2F02%2F2026`),
    ).toBe(400);
    // Erasing a person: the confirmation page, and the form refused without reason nor confirmation.
    await audit.goto(page, 'Utilisateurs', `${server.baseUrl}/admin/users`);
    await audit.visit(page, 'Fiche d’une personne', () => page.getByRole('link', { name: hrOfficer.name }).click());
    await audit.visit(page, 'Effacer une personne', () =>
      page.getByRole('link', { name: 'Effacer cette personne…' }).click(),
    );
    expect(
      await audit.visit(page, 'Effacement incomplet', () =>
        page.getByRole('button', { name: 'Effacer définitivement' }).click(),
      ),
    ).toBe(400);
    audit.expectEveryPageChecked();
    await context.close();
  });

  it('learner: accepts the invitation, reads the modules, fails then passes a quiz, completes the course and downloads the PDF certificate', async () => {
    expect(invitations.learner, 'the first-run journey invites the learner').not.toBe('');
    const { audit, context, page } = await open('learner');
    learnerResult = await learnerJourney(page, audit, { invitationUrl: invitations.learner, screenshots: true });
    learnerContext = await context.storageState();
    await audit.visit(page, 'Mes données', () => page.getByRole('link', { name: 'Mes données' }).click());
    expect(await mainText(page)).toContain('Attestations : 1');
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Télécharger mes données (zip)' }).click();
    expect((await download).suggestedFilename()).toMatch(/^mes-donnees-\d{4}-\d{2}-\d{2}\.zip$/);
    audit.expectEveryPageChecked();
    await context.close();
  });

  it('zoom 200 %: the module, quiz and result pages reflow without cutting content off', async () => {
    expect(learnerResult, 'the learner journey ran').toBeDefined();
    const { audit, context, page } = await open('zoom-200', { ...viewports.zoom200, storageState: learnerContext });
    for (const [name, pathname] of [
      ['Module avec quiz (zoom 200 %)', '/courses/demo/premier'],
      ['Évaluation finale (zoom 200 %)', '/courses/demo/evaluation'],
      ['Résultat d’un quiz (zoom 200 %)', learnerResult!.failedResultPath],
      ['Attestation (zoom 200 %)', learnerResult!.certificatePath],
    ] as const) {
      expect(await audit.goto(page, name, `${server.baseUrl}${pathname}`, { screenshot: true })).toBe(200);
    }
    audit.expectEveryPageChecked();
    await context.close();
  });

  it('stranger: verifies the certificate by its QR code and by typing its short code, then reads the accessibility statement', async () => {
    expect(learnerResult, 'the learner journey downloaded the certificate').toBeDefined();
    const dir = await mkdtemp(path.join(os.tmpdir(), 'passerelle-e2e-pdf-'));
    try {
      const file = path.join(dir, 'attestation.pdf');
      await writeFile(file, learnerResult!.pdf);
      await runPoppler('pdftoppm', ['-png', '-r', '150', '-singlefile', file, path.join(dir, 'page')]);
      const qrUrl = decodeQrCode(PNG.sync.read(await readFile(path.join(dir, 'page.png'))));
      const printed = await runPoppler('pdftotext', ['-layout', file, '-']);
      const shortCode = /PAS-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(printed)?.[0];
      expect(qrUrl).toMatch(new RegExp(`^${server.baseUrl}/verify/[\\w-]+$`));
      expect(shortCode).toBeDefined();

      const { audit, context, page } = await open('stranger');
      await audit.goto(page, 'Vérification par QR code', qrUrl!, { screenshot: true });
      expect(await mainText(page)).toContain('Statut : valide');
      expect(await mainText(page)).toContain(learner.name);
      // The fields of the signed Open Badges credential, as a verifier's wallet reads them.
      expect(await mainText(page)).toContain('Badge numérique signé (Open Badges 3.0)');
      expect(await mainText(page)).toContain('Statut du badge');
      await audit.visit(page, 'Vérifier une attestation', () =>
        page.getByRole('link', { name: 'Vérifier une autre attestation' }).click(),
      );
      await page.getByLabel('Code de vérification').fill('PAS-0000-0000');
      expect(
        await audit.visit(page, 'Code inconnu', () => page.getByRole('button', { name: 'Vérifier' }).click()),
      ).toBe(404);
      // Typed as a person would read it aloud: lower case, spaces instead of dashes.
      await page.getByLabel('Code de vérification').fill(shortCode!.toLowerCase().replaceAll('-', ' '));
      await audit.visit(page, 'Vérification par code', () => page.getByRole('button', { name: 'Vérifier' }).click());
      expect(page.url()).toBe(qrUrl);
      expect(await mainText(page)).toContain('Statut : valide');

      await audit.visit(page, 'Déclaration d’accessibilité', () =>
        page.getByRole('link', { name: 'Accessibilité' }).click(),
      );
      expect(await mainText(page)).toContain('partiellement conforme');
      await audit.visit(page, 'Confidentialité', () => page.getByRole('link', { name: 'Confidentialité' }).click());
      expect(await mainText(page)).toContain('Durées de conservation');
      audit.expectEveryPageChecked();
      await context.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('admin: sees the statements the LRS refused, with its reason, and sends them all again', async () => {
    expect(learnerResult, 'the learner completed the course').toBeDefined();
    // The worker looks every 2 s: once the LRS has heard nothing new for 3 s, every refusal is recorded.
    let seen = -1;
    while (seen !== lrs.requests.length || seen === 0) {
      seen = lrs.requests.length;
      await new Promise((r) => setTimeout(r, 3_000));
    }
    const { audit, context, page } = await open('admin-lrs');
    await audit.goto(page, 'Connexion (admin)', `${server.baseUrl}/login`);
    await page.getByLabel('Adresse e-mail').fill(admin.email);
    await page.getByLabel('Mot de passe').fill('les tilleuls fleurissent en juin');
    await audit.visit(page, 'Mon parcours (admin)', () => page.getByRole('button', { name: 'Se connecter' }).click());
    expect(await audit.goto(page, 'Entrepôt xAPI (en échec)', `${server.baseUrl}/admin/lrs?status=failed`)).toBe(200);
    await page.getByText('statement refused by this LRS').first().waitFor();
    lrs.mode = 'ok';
    await audit.visit(page, 'Entrepôt xAPI (renvoyées)', () =>
      page.getByRole('button', { name: 'Renvoyer toutes les déclarations en échec' }).click(),
    );
    await page.getByText('de nouveau en attente d’envoi').waitFor();
    await expect.poll(() => lrs.stored.size, { timeout: 15_000 }).toBeGreaterThan(15);
    audit.expectEveryPageChecked();
    await context.close();
  });

  it('HR: filters the completions and downloads them as CSV and XLSX', async () => {
    expect(learnerResult, 'the learner completed the course').toBeDefined();
    const { audit, context, page } = await open('hr');
    await audit.goto(page, 'Invitation (RH)', invitations.hr);
    await page.getByLabel('Mot de passe', { exact: true }).fill(learnerPassword);
    await page.getByLabel('Confirmez le mot de passe').fill(learnerPassword);
    await audit.visit(page, 'Mon parcours (RH)', () =>
      page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click(),
    );
    await audit.visit(page, 'Suivi des formations', () => page.getByRole('link', { name: 'Suivi RH' }).click(), {
      screenshot: true,
    });
    await page.getByLabel('Formation').selectOption({ label: 'Cours de démonstration' });
    await page.getByLabel('Statut').selectOption({ label: 'Terminé' });
    await page.getByLabel('Structure').selectOption(learner.structure);
    await audit.visit(
      page,
      'Suivi des formations filtré',
      () => page.getByRole('button', { name: 'Filtrer' }).click(),
      {
        screenshot: true,
      },
    );
    const query = new URL(page.url()).searchParams;
    expect(Object.fromEntries(query)).toMatchObject({
      course: 'demo',
      status: 'completed',
      structure: learner.structure,
    });
    const table = (await page.locator('table.data').first().textContent()) ?? '';
    expect(table).toContain(learner.name);
    expect(table).not.toContain(hrOfficer.name);

    const download = async (name: string) => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).click()]);
      return { name: file.suggestedFilename(), content: await readFile((await file.path())!) };
    };
    const csv = await download('CSV pour Excel en français (séparateur « ; »)');
    expect(csv.name).toMatch(/\.csv$/);
    const csvText = csv.content.toString('utf8');
    expect(csvText.charCodeAt(0)).toBe(0xfeff);
    expect(csvText).toContain(learner.name);
    expect(csvText).toContain(';');
    expect(csvText).not.toContain(hrOfficer.name);

    const xlsx = await download('Classeur Excel (.xlsx)');
    expect(xlsx.name).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.content as unknown as ArrayBuffer);
    const cells: string[] = [];
    workbook.worksheets[0]!.eachRow((row) => {
      row.eachCell((cell) => {
        cells.push(String(cell.value));
      });
    });
    expect(cells).toContain(learner.name);
    expect(cells).not.toContain(hrOfficer.name);

    // Assigned trainings: assign the course to the learner's structure, see who is concerned, withdraw it.
    await audit.goto(page, 'Suivi des formations (retour)', `${server.baseUrl}/hr`);
    await audit.visit(page, 'Formations assignées', () =>
      page.getByRole('link', { name: 'Formations assignées' }).click(),
    );
    await audit.visit(page, 'Assigner une formation', () =>
      page.getByRole('link', { name: 'Assigner une formation' }).click(),
    );
    await page.getByRole('radio', { name: 'Une structure' }).check();
    expect(
      await audit.visit(page, 'Assignation incomplète', () => page.getByRole('button', { name: 'Assigner' }).click()),
    ).toBe(400);
    await page.getByLabel('Formation', { exact: true }).selectOption({ label: 'Cours de démonstration' });
    await page.getByRole('radio', { name: 'Une structure' }).check();
    await page.getByLabel('Structure (si « Une structure »)').selectOption(learner.structure);
    await page.getByLabel('Date limite (facultative)').fill('2030-01-15');
    await audit.visit(page, 'Formation assignée', () => page.getByRole('button', { name: 'Assigner' }).click(), {
      screenshot: true,
    });
    expect(await page.locator('table.data').textContent()).toContain(learner.name);
    await audit.visit(page, 'Retirer l’assignation', () =>
      page.getByRole('link', { name: 'Retirer cette assignation' }).click(),
    );
    await audit.visit(page, 'Formations assignées (après retrait)', () =>
      page.getByRole('button', { name: 'Retirer l’assignation' }).click(),
    );
    await page.getByText('L’assignation est retirée.').waitFor();
    await audit.visit(page, 'Résumé quotidien des retards', () =>
      page.getByRole('link', { name: 'Résumé quotidien des retards par e-mail' }).click(),
    );
    await page.getByRole('radio', { name: 'Oui' }).check();
    await audit.visit(page, 'Résumé quotidien (enregistré)', () =>
      page.getByRole('button', { name: 'Enregistrer' }).click(),
    );
    await page.getByText('Votre choix est enregistré.').waitFor();
    audit.expectEveryPageChecked();
    await context.close();
  });

  it('visitor: reads the catalog and every module of every course at 200 % zoom', async () => {
    const { audit, context, page } = await open('visitor-zoom-200', viewports.zoom200);
    await audit.goto(page, 'Catalogue (visiteur)', `${server.baseUrl}/`);
    const courses = await page
      .locator('main .card h2 a')
      .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
    expect(courses.length).toBeGreaterThanOrEqual(3);
    for (const course of courses) {
      await audit.goto(page, `Formation ${new URL(course).pathname}`, course);
      const modules = await page
        .locator('main ol.modules a')
        .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
      for (const module of modules) await audit.goto(page, `Module ${new URL(module).pathname}`, module);
    }
    audit.expectEveryPageChecked();
    await context.close();
  });
});
