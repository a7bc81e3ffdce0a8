// Callbacks of page.evaluate run in the browser.
/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../helpers/start-server.ts';
import { JourneyAudit } from './helpers/audit.ts';
import { launchChromium, viewports } from './helpers/browser.ts';
import { expectFocusVisible, tabAroundPage, tabTo } from './helpers/keyboard.ts';
import {
  demoAnswers,
  downloadCertificate,
  learnerPassword,
  mainText,
  type QuizAnswers,
} from './helpers/learner-journey.ts';
import { seedInvitation } from './helpers/seed.ts';

const invitee = { name: 'Karim Haddad', email: 'karim@exemple.org', structure: 'Centre social Nord' };

/** Answers a quiz with Tab, Space, arrows (to move within a group of radio buttons) and typing. */
async function answerWithKeyboard(page: Page, answers: QuizAnswers): Promise<void> {
  const order = await page.locator('fieldset.question').evaluateAll((sets) => sets.map((set) => set.id));
  for (const id of order.filter((q) => q in answers)) {
    const answer = answers[id]!;
    if (typeof answer === 'string') {
      await tabTo(page, `#${id}-input`);
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Backspace');
      await page.keyboard.type(answer);
      continue;
    }
    const choices = await page.locator(`fieldset#${id} input`).evaluateAll(
      (inputs, wanted) =>
        inputs.map((input) => {
          const box = input as HTMLInputElement;
          return { id: box.id, type: box.type, wanted: wanted.includes(box.labels?.[0]?.textContent?.trim() ?? '') };
        }),
      answer,
    );
    if (choices[0]?.type === 'radio') {
      const wanted = choices.find((c) => c.wanted)!.id;
      // Tab enters the group on its checked button, or its first one; arrows move and select.
      await tabTo(page, `fieldset#${id} input`);
      for (
        let i = 0;
        i < choices.length && !(await page.evaluate((w) => document.activeElement?.id === w, wanted));
        i++
      ) {
        await page.keyboard.press('ArrowDown');
        await expectFocusVisible(page);
      }
      await page.keyboard.press('Space');
      expect(await page.isChecked(`#${wanted}`)).toBe(true);
    } else {
      for (const choice of choices) {
        await tabTo(page, `#${choice.id}`);
        if ((await page.isChecked(`#${choice.id}`)) !== choice.wanted) await page.keyboard.press('Space');
        expect(await page.isChecked(`#${choice.id}`)).toBe(choice.wanted);
      }
    }
  }
}

describe('a learner using the keyboard alone', () => {
  let server: RunningServer;
  let browser: Browser;
  let invitationPath = '';
  const audit = new JourneyAudit('learner-keyboard');

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

  it('accepts the invitation, fails then passes a quiz, completes the course and downloads the certificate with Tab, Space and Enter', async () => {
    const context = await browser.newContext(viewports.desktop);
    const page = audit.watch(await context.newPage());
    /** On every page: once around with Tab (focus visible, no trap), then Tab to the control and press Enter. */
    const follow = async (name: string, selector: string) => {
      await tabTo(page, selector);
      return audit.visit(page, name, () => page.keyboard.press('Enter'));
    };

    await audit.goto(page, 'Invitation', `${server.baseUrl}${invitationPath}`);
    await tabAroundPage(page);
    await tabTo(page, '#password');
    await page.keyboard.type(learnerPassword);
    await tabTo(page, '#confirm');
    await page.keyboard.type(learnerPassword);
    await audit.visit(page, 'Mon parcours', () => page.keyboard.press('Enter'));
    expect(new URL(page.url()).pathname).toBe('/me');

    await tabAroundPage(page);
    await follow('Catalogue', 'main a[href="/courses"]');
    await tabAroundPage(page);
    await follow('Formation', 'main a[href="/courses/demo"]');
    await tabAroundPage(page);
    await follow('Module avec quiz', 'main a.button[href="/courses/demo/premier"]');
    expect(await mainText(page)).toContain('Une dernière idée.');
    await tabAroundPage(page);

    // The skip link is the first stop and takes focus to the content.
    await tabTo(page, 'a.skip');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('contenu');

    await answerWithKeyboard(page, demoAnswers.firstWrong);
    await follow('Résultat : quiz à refaire', '.quiz-form button[type="submit"]');
    expect(await mainText(page)).toContain('Votre score : 0 %');
    await tabAroundPage(page);
    await follow('Module, nouvel essai', 'main a[href="/courses/demo/premier#quiz"]');
    await tabAroundPage(page);
    await answerWithKeyboard(page, demoAnswers.firstRight);
    await follow('Résultat : quiz réussi', '.quiz-form button[type="submit"]');
    expect(await mainText(page)).toContain('Bravo, le quiz est réussi.');
    await tabAroundPage(page);

    await follow('Évaluation finale', 'main .actions a[href="/courses/demo/evaluation"]');
    await tabAroundPage(page);
    await answerWithKeyboard(page, demoAnswers.final);
    await follow('Résultat : évaluation finale réussie', '.quiz-form button[type="submit"]');
    expect(await mainText(page)).toContain('Votre score : 100 %');
    await tabAroundPage(page);

    await follow('Mon parcours (formation terminée)', 'main a[href="/me"]');
    expect(await mainText(page)).toContain('évaluation finale : 100 %');
    await tabAroundPage(page);
    await follow('Attestation', 'main a[href^="/certificates/"]');
    expect(await mainText(page)).toContain('Statut : valide');
    await tabAroundPage(page);
    await tabTo(page, 'main a[href$="/attestation.pdf"]');
    await downloadCertificate(page, () => page.keyboard.press('Enter'));

    audit.expectEveryPageChecked();
    await context.close();
  });
});
