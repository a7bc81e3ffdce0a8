import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../server/accounts/users.ts';
import { openAppStore } from '../../server/open-app-store.ts';
import { type RunningServer, repoRoot, startServer } from '../helpers/start-server.ts';
import { JourneyAudit } from './helpers/audit.ts';
import { launchChromium, viewports } from './helpers/browser.ts';
import { mainText, signUp } from './helpers/learner-journey.ts';
import { seedInvitation } from './helpers/seed.ts';

// tests/fixtures/courses/positioning/mesure: positioning, two modules, final assessment (100 %, 3 attempts).
const courseDir = path.join(repoRoot, 'tests/fixtures/courses/positioning/mesure');
const learner = { name: 'Yasmine Benali', email: 'yasmine@exemple.org', structure: 'Centre social Nord' };
const hr = { name: 'Odile Perrin', email: 'odile@exemple.org', structure: 'Siège' };
const trainer = { name: 'Marc Petit', email: 'marc@exemple.org', structure: 'Pôle formation' };

/** Four learners who already took the positioning and the final assessment, so that HR sees figures. */
async function seedMeasuredLearners(dataDir: string): Promise<void> {
  const store = await openAppStore(dataDir);
  try {
    const now = new Date();
    for (let i = 1; i <= 4; i++) {
      const user = await createUser(
        store,
        {
          name: `Personne ${i}`,
          email: `p${i}@exemple.org`,
          structure: 'Centre social Nord',
          matricule: null,
          role: 'learner',
        },
        now,
      );
      const row = (module: string, score: number, byObjective: Record<string, { asked: number; right: number }>) => ({
        id: `${user.id}-${module}`,
        userId: user.id,
        course: 'mesure',
        module,
        courseVersion: 1,
        contentHash: 'seed',
        createdAt: now.toISOString(),
        answers: {},
        correct: {},
        score,
        passMark: 100,
        passed: score === 100,
        byObjective,
      });
      await store.transact(async (tx) => {
        tx.put('attempts', row('positionnement', 50, { '1': { asked: 1, right: 0 }, '2': { asked: 1, right: 1 } }));
        tx.put('attempts', row('evaluation', 100, { '1': { asked: 1, right: 1 }, '2': { asked: 1, right: 1 } }));
      });
    }
  } finally {
    await store.close();
  }
}

async function choose(page: Page, labels: string[]): Promise<void> {
  for (const label of labels) await page.getByLabel(label, { exact: true }).check();
}

describe('a positioning, the objectives to review and the progress per objective', () => {
  let server: RunningServer;
  let browser: Browser;
  const invitations: Record<string, string> = {};
  const audit = new JourneyAudit('positioning');

  beforeAll(async () => {
    [server, browser] = await Promise.all([
      startServer({
        extraCourses: [courseDir],
        seed: async (dataDir) => {
          invitations.learner = await seedInvitation(dataDir, learner);
          invitations.hr = await seedInvitation(dataDir, hr, 'hr');
          invitations.trainer = await seedInvitation(dataDir, trainer, 'trainer');
          await seedMeasuredLearners(dataDir);
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

  it('takes a learner from the positioning to the final assessment, then shows HR and the trainer aggregates', async () => {
    const context = await browser.newContext(viewports.desktop);
    const page = audit.watch(await context.newPage());
    const submit = () => page.getByRole('button', { name: 'Valider mes réponses' }).click();
    await signUp(audit, page, server.baseUrl, 'apprenante', invitations.learner!);

    await audit.goto(page, 'Formation avec positionnement', `${server.baseUrl}/courses/mesure`);
    expect(await mainText(page)).toContain('commence par un positionnement facultatif');
    await audit.visit(page, 'Positionnement', () => page.getByRole('link', { name: 'Commencer la formation' }).click());
    await choose(page, ['Vers la caisse de retraite du département', 'De vérifier si le guichet reçoit le dossier']);
    await audit.visit(page, 'Résultat du positionnement', submit);
    expect(await mainText(page)).toContain('Résultat du positionnement');

    await audit.visit(page, 'Module après le positionnement', () =>
      page.getByRole('link', { name: 'Module suivant : Orienter' }).click(),
    );
    await choose(page, ['Vers le service scolaire de la mairie']);
    await audit.visit(page, 'Résultat du module', submit);
    await audit.goto(page, 'Second module', `${server.baseUrl}/courses/mesure/autres-chemins`);
    await choose(page, ['Je cherche avec elle le numéro de la caisse']);
    await audit.visit(page, 'Résultat du second module', submit);

    await audit.goto(page, 'Évaluation finale', `${server.baseUrl}/courses/mesure/evaluation`);
    await choose(page, [
      'Vers la caisse de retraite du département',
      "De demander si l'envoi par courrier est accepté",
    ]);
    await audit.visit(page, 'Résultat : objectifs à retravailler', submit);
    expect(await mainText(page)).toContain('Objectifs à retravailler');
    await audit.visit(page, 'Module à relire', () =>
      page.locator('main section.review').getByRole('link', { name: 'Orienter' }).click(),
    );
    await audit.goto(page, 'Évaluation finale, nouvel essai', `${server.baseUrl}/courses/mesure/evaluation`);
    await choose(page, [
      'Vers une mairie qui reçoit sur rendez-vous',
      "De demander si l'envoi par courrier est accepté",
    ]);
    await audit.visit(page, 'Résultat : évaluation réussie', submit);
    expect(await mainText(page)).toContain('Bravo, le quiz est réussi.');

    await audit.goto(page, 'Formation : progression par objectif', `${server.baseUrl}/courses/mesure`);
    expect(await mainText(page)).toContain('Ma progression par objectif');
    await audit.goto(page, 'Mon parcours : progression par objectif', `${server.baseUrl}/me`);
    expect(await mainText(page)).toContain('Ma progression par objectif');
    audit.expectEveryPageChecked();
    await context.close();

    const hrContext = await browser.newContext(viewports.desktop);
    const hrPage = audit.watch(await hrContext.newPage());
    await signUp(audit, hrPage, server.baseUrl, 'RH', invitations.hr!);
    await audit.goto(hrPage, 'Progression par objectif (RH)', `${server.baseUrl}/hr/progression`);
    await hrPage.getByLabel('Formation').selectOption('mesure');
    await audit.visit(hrPage, 'Progression par objectif (RH, une formation)', () =>
      hrPage.getByRole('button', { name: 'Filtrer' }).click(),
    );
    const hrText = await mainText(hrPage);
    expect(hrText).toContain('5 personne(s) mesurée(s) avant et après');
    expect(hrText).not.toContain(learner.name);
    audit.expectEveryPageChecked();
    await hrContext.close();

    const trainerContext = await browser.newContext(viewports.desktop);
    const trainerPage = audit.watch(await trainerContext.newPage());
    await signUp(audit, trainerPage, server.baseUrl, 'formateur', invitations.trainer!);
    await audit.goto(
      trainerPage,
      'Analyse des quiz et progression',
      `${server.baseUrl}/studio/courses/mesure/analysis`,
    );
    expect(await mainText(trainerPage)).toContain('Progression moyenne par objectif');
    audit.expectEveryPageChecked();
    await trainerContext.close();
  });
});
