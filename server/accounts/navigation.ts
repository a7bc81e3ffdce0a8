import type { Translate } from '../i18n/translate.ts';
import type { User } from './schema.ts';

/** The header links each role needs; learners see only their own journey. */
export function navigationFor(user: Readonly<User> | undefined, t: Translate): { href: string; label: string }[] {
  if (!user) return [];
  const items = [{ href: '/me', label: t('accounts.nav.journey') }];
  if (user.role === 'trainer' || user.role === 'admin')
    items.push({ href: '/studio', label: t('accounts.nav.studio') });
  if (user.role === 'hr' || user.role === 'admin') items.push({ href: '/hr', label: t('accounts.nav.hr') });
  if (user.role === 'admin') items.push({ href: '/admin/users', label: t('accounts.nav.users') });
  return items;
}
