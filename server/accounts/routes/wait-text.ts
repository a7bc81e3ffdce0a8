import type { Translate } from '../../i18n/translate.ts';

/** « 15 secondes », « 1 minute », « 8 minutes »: rounded up, so the person never tries a moment too early. */
export function waitText(t: Translate, ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  if (seconds <= 1) return t('accounts.login.waitSecond');
  if (seconds <= 60) return t('accounts.login.waitSeconds', { count: seconds });
  const minutes = Math.ceil(ms / 60_000);
  return minutes === 1 ? t('accounts.login.waitMinute') : t('accounts.login.waitMinutes', { count: minutes });
}
