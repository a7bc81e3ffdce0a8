import type { Translate } from '../i18n/translate.ts';
import type { User } from './schema.ts';

/** The header links each role needs; learners see only their own journey. */
export function navigationFor(
  user: Readonly<User> | undefined,
  t: Translate,
  roles: ReadonlySet<string> = new Set(user ? [user.role] : []),
): { href: string; label: string }[] {
  if (!user) return [];
  const items = [{ href: '/me', label: t('accounts.nav.journey') }];
  if (roles.has('trainer') || roles.has('admin')) items.push({ href: '/studio', label: t('accounts.nav.studio') });
  if (roles.has('hr') || roles.has('admin')) items.push({ href: '/hr', label: t('accounts.nav.hr') });
  if (roles.has('admin')) items.push({ href: '/admin/users', label: t('accounts.nav.users') });
  return items;
}
