import { translate } from '../../i18n/translate.ts';

/** « Nouvelle formation — Studio »: every studio page's title names the studio. */
export function studioTitle(page: string): string {
  return translate('studio.pageTitle', { page });
}
