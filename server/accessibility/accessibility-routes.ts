import { Router } from 'express';
import type { Config } from '../config.ts';
import { formatDateFr } from '../i18n/format-date-fr.ts';

/** The day the statement was last reviewed against the automated checks: update it with the statement. */
export const statementDate = '2026-11-23';

/** The contact as a link when it is an e-mail address or a web address, as plain text otherwise. */
export function contactLink(contact: string): { text: string; href?: string } {
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(contact)) return { text: contact, href: `mailto:${contact}` };
  if (/^https?:\/\/\S+$/.test(contact)) return { text: contact, href: contact };
  return { text: contact };
}

/** The accessibility statement (déclaration d’accessibilité RGAA): public, linked from every page's footer. */
export function accessibilityRoutes(config: Config): Router {
  const router = Router();
  router.get('/accessibilite', (_req, res) => {
    res.render('accessibility/statement', {
      title: 'Déclaration d’accessibilité',
      orgName: config.org.name,
      siteUrl: config.baseUrl,
      contact: contactLink(config.accessibilityContact),
      sessionIdleMinutes: config.sessionIdleMinutes,
      date: { iso: statementDate, label: formatDateFr(statementDate) },
    });
  });
  return router;
}
