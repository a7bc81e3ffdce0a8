import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/config.ts';
import { openedPerTest } from '../../helpers/test-app.ts';
import { testConfig } from '../../helpers/test-config.ts';

const open = openedPerTest();

describe('privacy page (/confidentialite)', () => {
  it('is built from the configuration: organisation, contact, the retention periods applied, roles, cookies', async () => {
    const base = testConfig();
    const t = await open({
      config: {
        org: { name: 'Association Les Tisserands', city: 'Roubaix' },
        sessionMaxHours: 9,
        privacy: {
          ...base.privacy,
          contact: 'dpo@tisserands.org',
          retention: {
            inactiveAccountMonths: 18,
            answersMonths: 0,
            auditMonths: 7,
            sentEmailDays: 45,
            keptCertificateYears: 5,
          },
        },
      },
    });
    const html = (await request(t.app).get('/confidentialite').expect(200)).text;
    expect(html).toContain('<h1>Données personnelles et confidentialité</h1>');
    expect(html).toContain('Association Les Tisserands, votre employeur, est responsable du traitement');
    expect(html).toContain('<a href="mailto:dpo@tisserands.org">dpo@tisserands.org</a>');
    const row = (label: string) => new RegExp(`<th scope="row">${label}</th><td>([^<]*)</td>`).exec(html)?.[1];
    expect(row('Comptes désactivés \\(effacés\\)')).toBe('18 mois');
    expect(row('Réponses aux quiz')).toBe('sans limite (jamais supprimé automatiquement)');
    expect(row('Journal d’audit')).toBe('7 mois');
    expect(row('E-mails envoyés ou en échec')).toBe('45 jours');
    expect(row('Nom sur les attestations conservées après un effacement')).toBe('5 ans à compter de la délivrance');
    expect(row('Sessions')).toBe('9 heures au plus');
    for (const role of ['Apprenant·e', 'Formateur·rice', 'Ressources humaines', 'Administrateur·rice'])
      expect(html).toContain(`<strong>${role}</strong>`);
    expect(html).toContain('Le seul cookie qui vous suit est le cookie de session');
    expect(html).toContain('aucun bandeau de consentement');
    expect(html).toContain('Code du travail');
  });

  it('shows the default periods and a contact given as plain text', async () => {
    const t = await open();
    const html = (await request(t.app).get('/confidentialite').expect(200)).text;
    expect(html).toContain('la direction de votre structure.');
    expect(html).toContain('<td>12 mois</td>');
    expect(html).toContain('<td>36 mois</td>');
    expect(html).toContain('<td>90 jours</td>');
    expect(html).toContain('<td>6 ans à compter de la délivrance</td>');
  });

  it('is linked from every page footer and from the sign-in page', async () => {
    const t = await open();
    for (const path of ['/courses', '/accessibilite', '/verify', '/login']) {
      const html = (await request(t.app).get(path).expect(200)).text;
      expect(html, path).toMatch(/<footer[\s\S]*<a href="\/confidentialite">Confidentialité<\/a>/);
    }
    const login = (await request(t.app).get('/login')).text;
    expect(login).toMatch(
      /<main[\s\S]*<a href="\/confidentialite">Comment vos données personnelles sont utilisées<\/a>/,
    );
  });

  it('reads its settings from the environment and refuses a bad period in French', () => {
    const config = loadConfig({ PRIVACY_CONTACT: 'https://exemple.org/rgpd', RETENTION_AUDIT_MONTHS: '24' });
    expect(config.privacy.contact).toBe('https://exemple.org/rgpd');
    expect(config.privacy.retention.auditMonths).toBe(24);
    expect(config.privacy.erasureKeepsCertificates).toBe(true);
    expect(loadConfig({ ERASURE_KEEPS_CERTIFICATES: 'non' }).privacy.erasureKeepsCertificates).toBe(false);
    expect(() => loadConfig({ RETENTION_ANSWERS_MONTHS: 'trois' })).toThrow(
      'Configuration invalide : la variable RETENTION_ANSWERS_MONTHS vaut « trois », attendu un nombre de mois entre 0 (jamais) et 120.',
    );
  });
});
