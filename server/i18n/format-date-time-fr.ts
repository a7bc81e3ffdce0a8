import { formatDateFr } from './format-date-fr.ts';

const timeFr = new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' });

/** "23 novembre 2026 à 14:05", Paris time: the one format for a moment shown on a page. */
export function formatDateTimeFr(iso: string): string {
  return `${formatDateFr(iso)} à ${timeFr.format(new Date(iso))}`;
}
