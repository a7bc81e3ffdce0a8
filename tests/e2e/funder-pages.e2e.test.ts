import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../helpers/start-server.ts';
import { JourneyAudit } from './helpers/audit.ts';
import { launchChromium, viewports } from './helpers/browser.ts';
import { answerQuiz, demoAnswers, mainText, signUp } from './helpers/learner-journey.ts';
import { seedInvitation } from './helpers/seed.ts';

const learner = { name: 'Nadia Ferhat', email: 'nadia@exemple.org', structure: 'Centre social Nord' };
const hrOfficer = { name: 'Luc Perrin', email: 'luc.rh@exemple.org', structure: 'Siège' };
const trainer = { name: 'Odile Ravel', email: 'odile@exemple.org', structure: 'Pôle formation' };

describe('what a funder asks for: minimum time, satisfaction, activity record', () => {
  let server: RunningServer;
  let browser: Browser;
  const invitations: Record<'learner' | 'hr' | 'trainer', string> = { learner: '', hr: '', trainer: '' };
  const audit = new JourneyAudit('funder-pages');

  beforeAll(async () => {
    [server, browser] = await Promise.all([
      startServer({
        // The demo course asks for an hour of measured time before its certificate.
        prepareCourses: async (coursesDir) => {
          const sheet = path.join(coursesDir, 'demo', 'course.md');
          const text = await readFile(sheet, 'utf8');
          await writeFile(sheet, text.replace('version: 2\n', 'version: 2\ntemps_minimum: 1 h\n'));
        },
        seed: async (dataDir) => {
          invitations.learner = await seedInvitation(dataDir, learner);
          invitations.hr = await seedInvitation(dataDir, hrOfficer, 'hr');
          invitations.trainer = await seedInvitation(dataDir, trainer, 'trainer');
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

  it('learner: completes the course, is told how long remains before the certificate, then gives an opinion', async () => {
    const context = await browser.newContext(viewports.desktop);
    const page = audit.watch(await context.newPage());
    const submit = (name: string) => page.getByRole('button', { name }).click();
    await signUp(audit, page, server.baseUrl, 'apprenante', invitations.learner);

    await audit.goto(page, 'Formation avec informations pratiques', `${server.baseUrl}/courses/demo`);
    expect(await mainText(page)).toContain('Temps minimum avant l’attestation');
    await audit.goto(page, 'Module (temps minimum)', `${server.baseUrl}/courses/demo/premier`);
    await answerQuiz(page, demoAnswers.firstRight);
    await audit.visit(page, 'Résultat (temps minimum)', () => submit('Valider mes réponses'));
    await audit.goto(page, 'Évaluation finale (temps minimum)', `${server.baseUrl}/courses/demo/evaluation`);
    await answerQuiz(page, demoAnswers.final);
    await audit.visit(page, 'Évaluation réussie (temps minimum)', () => submit('Valider mes réponses'));

    await audit.goto(page, 'Formation terminée, attestation en attente', `${server.baseUrl}/courses/demo`, {
      screenshot: true,
    });
    // Seconds of measured time so far: an hour remains, rounded up to the minute.
    expect(await mainText(page)).toContain('Encore 1 h de lecture avant l’attestation.');
    await audit.visit(page, 'Attestation demandée trop tôt', () => submit('Obtenir mon attestation'));
    expect(new URL(page.url()).pathname).toBe('/courses/demo');
    expect(await mainText(page)).toContain('de lecture avant l’attestation');
    await audit.goto(page, 'Mon parcours, attestation en attente', `${server.baseUrl}/me`);
    expect(await mainText(page)).toContain('attestation : encore');
    await audit.goto(page, 'Formation (retour)', `${server.baseUrl}/courses/demo`);

    await audit.visit(page, 'Questionnaire de satisfaction', () =>
      page.getByRole('link', { name: 'Donner mon avis' }).click(),
    );
    expect(await audit.visit(page, 'Questionnaire vide', () => submit('Envoyer mon avis'))).toBe(400);
    expect(await mainText(page)).toContain('Répondez à au moins une question');
    await page.getByRole('group', { name: 'Cette formation m’a été utile.' }).getByLabel('5 — tout à fait').check();
    await page.getByRole('group', { name: 'Le contenu était clair.' }).getByLabel('4').check();
    await page.getByLabel('Un commentaire (facultatif)').fill('Des situations proches de notre accueil.');
    await audit.visit(page, 'Avis enregistré', () => submit('Envoyer mon avis'));
    expect(await mainText(page)).toContain('Merci, votre avis a été enregistré.');
    audit.expectEveryPageChecked();
    await context.close();
  });

  it('HR: reads the satisfaction results and downloads a learner’s activity record', async () => {
    const context = await browser.newContext(viewports.desktop);
    const page = audit.watch(await context.newPage());
    await signUp(audit, page, server.baseUrl, 'RH', invitations.hr);
    await audit.goto(page, 'Suivi RH', `${server.baseUrl}/hr`);
    await audit.visit(page, 'Satisfaction (RH)', () =>
      page.getByRole('link', { name: 'Satisfaction des apprenants (questionnaire de fin de formation)' }).click(),
    );
    expect(await mainText(page)).toContain('moins de 3');
    await page.getByLabel('Du mois (AAAA-MM)').fill('novembre');
    expect(
      await audit.visit(page, 'Satisfaction, mois illisible', () =>
        page.getByRole('button', { name: 'Afficher' }).click(),
      ),
    ).toBe(400);

    await audit.goto(page, 'Suivi RH (personnes)', `${server.baseUrl}/hr`);
    await audit.visit(page, 'Fiche de l’apprenante', () =>
      page.getByRole('link', { name: learner.name }).first().click(),
    );
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'PDF' }).click()]);
    expect(pdf.suggestedFilename()).toMatch(/^activite-\d{4}-\d\d-\d\d\.pdf$/);
    expect((await readFile((await pdf.path())!)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    audit.expectEveryPageChecked();
    await context.close();
  });

  it('trainer: reads the satisfaction results of the course in the studio', async () => {
    const context = await browser.newContext(viewports.desktop);
    const page = audit.watch(await context.newPage());
    await signUp(audit, page, server.baseUrl, 'formatrice', invitations.trainer);
    await audit.goto(page, 'Studio : cours', `${server.baseUrl}/studio/courses/demo`);
    await audit.visit(page, 'Satisfaction (studio)', () =>
      page.getByRole('link', { name: 'Satisfaction des apprenants (questionnaire de fin de formation)' }).click(),
    );
    expect(await mainText(page)).toContain('Cours de démonstration');
    audit.expectEveryPageChecked();
    await context.close();
  });
});
