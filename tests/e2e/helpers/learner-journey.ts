import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { JourneyAudit } from './audit.ts';

export const learnerPassword = 'jardin partagé du mardi';

/** Opens an invitation link, chooses the password and lands on « Mon parcours », each page audited. */
export async function signUp(
  audit: JourneyAudit,
  page: Page,
  baseUrl: string,
  who: string,
  invitation: string,
): Promise<void> {
  await audit.goto(page, `Invitation (${who})`, `${baseUrl}${invitation}`);
  await page.getByLabel('Mot de passe', { exact: true }).fill(learnerPassword);
  await page.getByLabel('Confirmez le mot de passe').fill(learnerPassword);
  await audit.visit(page, `Mon parcours (${who})`, () =>
    page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click(),
  );
}

/** Per question (the fieldset's id): the labels of the choices to tick, or the text to type. */
export type QuizAnswers = Record<string, string | string[]>;

// The valid fixture: module « premier » (4 questions), then the final assessment (2 questions, 80 %).
export const demoAnswers = {
  incomplete: { q1: ['Je lui demande de ranger le téléphone.'] },
  firstWrong: {
    q1: ['Je lui demande de ranger le téléphone.'],
    q2: ['Envoyer des messages vocaux'],
    q3: ['Vrai'],
    q4: 'Facebook',
  },
  firstRight: {
    q1: ["Je m'intéresse à ce qu'il apprend."],
    q2: ['Envoyer des messages vocaux', 'Consulter son compte en ligne'],
    q3: ['Faux'],
    q4: 'WhatsApp',
  },
  final: { q1: 'deux', q2: ['Faux'] },
} satisfies Record<string, QuizAnswers>;

/** The text of the page's main content. */
export const mainText = async (page: Page) => (await page.locator('main').textContent()) ?? '';

/** Ticks the choices or types the answers of a quiz on the page. */
export async function answerQuiz(page: Page, answers: QuizAnswers): Promise<void> {
  for (const [id, answer] of Object.entries(answers)) {
    const question = page.locator(`fieldset#${id}`);
    if (typeof answer === 'string') await question.getByLabel('Votre réponse').fill(answer);
    else for (const label of answer) await question.getByLabel(label, { exact: true }).check();
  }
}

export interface LearnerJourneyResult {
  pdf: Buffer;
  certificatePath: string;
  /** The result page of the failed attempt, for the zoom check. */
  failedResultPath: string;
}

/**
 * Journey 2 with a pointer (mouse or finger): accept the invitation, read the modules, fail then pass
 * a quiz, finish the course with the final assessment, and download the PDF certificate. Error states
 * (weak password, incomplete quiz) are shown and checked on the way.
 */
export async function learnerJourney(
  page: Page,
  audit: JourneyAudit,
  options: { invitationUrl: string; screenshots?: boolean; scripts?: boolean },
): Promise<LearnerJourneyResult> {
  const shot = { screenshot: options.screenshots };
  const submit = (name: string) => page.getByRole('button', { name }).click();

  await audit.goto(page, 'Invitation', options.invitationUrl, shot);
  await page.getByLabel('Mot de passe', { exact: true }).fill('court');
  await page.getByLabel('Confirmez le mot de passe').fill('court');
  expect(await audit.visit(page, 'Invitation, mot de passe refusé', () => submit('Enregistrer le mot de passe'))).toBe(
    400,
  );
  expect(await mainText(page)).toContain('au moins 12 caractères');
  await page.getByLabel('Mot de passe', { exact: true }).fill(learnerPassword);
  await page.getByLabel('Confirmez le mot de passe').fill(learnerPassword);
  await audit.visit(page, 'Mon parcours (nouveau compte)', () => submit('Enregistrer le mot de passe'));
  expect(new URL(page.url()).pathname).toBe('/me');

  await audit.visit(page, 'Catalogue', () => page.getByRole('link', { name: 'Formations', exact: true }).click(), shot);
  await audit.visit(page, 'Formation', () => page.getByRole('link', { name: 'Cours de démonstration' }).click(), shot);
  await audit.visit(
    page,
    'Module avec quiz',
    () => page.getByRole('link', { name: 'Commencer la formation' }).click(),
    shot,
  );
  expect(await mainText(page)).toContain('Une dernière idée.');

  await answerQuiz(page, demoAnswers.incomplete);
  expect(await audit.visit(page, 'Quiz incomplet', () => submit('Valider mes réponses'), shot)).toBe(400);
  expect(await mainText(page)).toContain('Cochez au moins une réponse.');

  await answerQuiz(page, demoAnswers.firstWrong);
  await audit.visit(page, 'Résultat : quiz à refaire', () => submit('Valider mes réponses'), shot);
  expect(await mainText(page)).toContain('Votre score : 0 %');
  const failedResultPath = new URL(page.url()).pathname;
  // The result is the form's answer. With scripts it takes its attempt's address, so that a reload asks
  // for that page (GET) instead of sending the answers again; without, the address stays the form's.
  if (options.scripts === false) expect(failedResultPath).toBe('/courses/demo/premier/quiz');
  else {
    expect(failedResultPath).toMatch(/^\/courses\/demo\/premier\/attempts\/[\w-]+$/);
    const [reload] = await Promise.all([
      page.waitForRequest((request) => request.isNavigationRequest() && request.frame() === page.mainFrame()),
      page.reload(),
    ]);
    expect(reload.method()).toBe('GET');
    expect(new URL(reload.url()).pathname).toBe(failedResultPath);
    expect(await mainText(page)).toContain('Votre score : 0 %');
  }

  await audit.visit(page, 'Module, nouvel essai', () => page.getByRole('link', { name: 'Réessayer le quiz' }).click());
  await answerQuiz(page, demoAnswers.firstRight);
  await audit.visit(page, 'Résultat : quiz réussi', () => submit('Valider mes réponses'));
  expect(await mainText(page)).toContain('Bravo, le quiz est réussi.');

  await audit.visit(page, 'Évaluation finale', () =>
    page.getByRole('link', { name: 'Module suivant : Évaluation finale' }).click(),
  );
  await answerQuiz(page, demoAnswers.final);
  await audit.visit(page, 'Résultat : évaluation finale réussie', () => submit('Valider mes réponses'), shot);
  expect(await mainText(page)).toContain('Votre score : 100 %');

  await audit.visit(
    page,
    'Mon parcours (formation terminée)',
    () => page.locator('main').getByRole('link', { name: 'Mon parcours' }).click(),
    shot,
  );
  expect(await mainText(page)).toMatch(/Cours de démonstration — terminée le .*, évaluation finale : 100 %/);
  await noteCommitment(page, audit);
  await audit.visit(page, 'Attestation', () => page.getByRole('link', { name: 'Mon attestation' }).click(), shot);
  expect(await mainText(page)).toContain('Statut : valide');
  const certificatePath = new URL(page.url()).pathname;

  const pdf = await downloadCertificate(page, () =>
    page.getByRole('link', { name: 'Télécharger l’attestation (PDF)' }).click(),
  );
  return { pdf, certificatePath, failedResultPath };
}

/**
 * Back at the end of the course, the learner notes what they will try this week and asks for a reminder;
 * it shows in « Mon parcours », where the journey goes on.
 */
async function noteCommitment(page: Page, audit: JourneyAudit): Promise<void> {
  await audit.goto(page, 'Fin de la formation', new URL('/courses/demo/evaluation', page.url()).href);
  await audit.visit(page, 'Engagement', () =>
    page.getByRole('link', { name: 'Noter ce que je vais essayer cette semaine' }).click(),
  );
  await page
    .getByLabel('Ce que je vais essayer cette semaine')
    .fill('Demander d’abord ce que la personne utilise déjà');
  await page.getByLabel('Me le rappeler dans 30 jours').check();
  await audit.visit(page, 'Engagement enregistré', () => page.getByRole('button', { name: 'Enregistrer' }).click());
  expect(await mainText(page)).toContain('C’est enregistré.');
  await audit.visit(page, 'Mon parcours (avec engagement)', () =>
    page.getByRole('link', { name: 'Retour à « Mon parcours »' }).click(),
  );
  expect(await mainText(page)).toContain('Demander d’abord ce que la personne utilise déjà');
}

/** Runs the action that starts the download and returns the file, checked to be a PDF. */
export async function downloadCertificate(page: Page, action: () => Promise<unknown>): Promise<Buffer> {
  const [download] = await Promise.all([page.waitForEvent('download'), action()]);
  expect(download.suggestedFilename()).toMatch(/^attestation-PAS-[0-9A-Z]{4}-[0-9A-Z]{4}\.pdf$/);
  const pdf = await readFile((await download.path())!);
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  return pdf;
}
