import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { contactLink } from '../../server/accessibility/accessibility-routes.ts';
import { loadConfig } from '../../server/config.ts';
import { openedPerTest } from '../helpers/test-app.ts';
import { testConfig } from '../helpers/test-config.ts';

const open = openedPerTest();

describe('accessibility statement', () => {
  it('is a public RGAA statement naming the organisation, its status, its limits and the ways of redress', async () => {
    const t = await open({ config: { org: { name: 'Association Les Tisserands', city: 'Roubaix' } } });
    const res = await request(t.app).get('/accessibilite').expect(200);
    const html = res.text;
    expect(html).toContain('<h1>Déclaration d’accessibilité</h1>');
    expect(html).toContain('Association Les Tisserands s’engage à rendre son service de formation en ligne accessible');
    expect(html).toContain('<strong>partiellement conforme</strong>');
    expect(html).toContain('<strong>Aucun audit RGAA complet</strong>');
    for (const section of [
      'État de conformité',
      'Non-conformités',
      'Contenus non soumis à l’obligation d’accessibilité',
      'Technologies utilisées',
      'Environnement de test',
      'Retour d’information et contact',
      'Voies de recours',
    ])
      expect(html).toContain(section);
    for (const tool of ['Chromium', 'axe-core', 'Nu Html Checker', 'clavier seul', '360 pixels', 'zoom à 200 %'])
      expect(html).toContain(tool);
    expect(html).toContain('<time datetime="2026-11-23">23 novembre 2026</time>');
    expect(html).toContain('Défenseur des droits');
    expect(html).toContain('La session se ferme après 120 minutes d’inactivité');
    expect(html).toContain('Contact : l’administrateur de votre structure.');
  });

  it('stays public when reading the courses requires signing in', async () => {
    const t = await open({ config: { requireLogin: true } });
    await request(t.app).get('/courses').expect(303);
    await request(t.app).get('/accessibilite').expect(200);
  });

  it('shows the configured contact, as a link when it is an address', async () => {
    const t = await open({ config: { accessibilityContact: 'accessibilite@tisserands.org' } });
    const res = await request(t.app).get('/accessibilite').expect(200);
    expect(res.text).toContain(
      'Contact : <a href="mailto:accessibilite@tisserands.org">accessibilite@tisserands.org</a>.',
    );
  });

  it('is linked from the footer of every page', async () => {
    const t = await open();
    const res = await request(t.app).get('/courses').expect(200);
    expect(res.text).toContain('<a href="/accessibilite">Accessibilité</a>');
  });
});

describe('ACCESSIBILITY_CONTACT', () => {
  it('defaults to the administrator of the learner’s organisation', () => {
    expect(testConfig().accessibilityContact).toBe('l’administrateur de votre structure');
  });

  it('is read from the environment and refused when blank', () => {
    expect(loadConfig({ ACCESSIBILITY_CONTACT: ' https://tisserands.org/contact ' }).accessibilityContact).toBe(
      'https://tisserands.org/contact',
    );
    expect(() => loadConfig({ ACCESSIBILITY_CONTACT: '   ' })).toThrow(/ACCESSIBILITY_CONTACT/);
  });

  it('becomes a link for an e-mail or a web address, and stays text otherwise', () => {
    expect(contactLink('a11y@exemple.org')).toEqual({ text: 'a11y@exemple.org', href: 'mailto:a11y@exemple.org' });
    expect(contactLink('https://exemple.org/contact')).toEqual({
      text: 'https://exemple.org/contact',
      href: 'https://exemple.org/contact',
    });
    expect(contactLink('le secrétariat, au 01 23 45 67 89')).toEqual({ text: 'le secrétariat, au 01 23 45 67 89' });
  });
});
