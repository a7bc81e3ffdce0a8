import type { User } from './schema.ts';

/** The header links each role needs; learners see only their own journey. */
export function navigationFor(user: Readonly<User> | undefined): { href: string; label: string }[] {
  if (!user) return [];
  const items = [{ href: '/me', label: 'Mon parcours' }];
  if (user.role === 'trainer' || user.role === 'admin') items.push({ href: '/studio', label: 'Studio' });
  if (user.role === 'hr' || user.role === 'admin') items.push({ href: '/hr', label: 'Suivi RH' });
  if (user.role === 'admin') items.push({ href: '/admin/users', label: 'Utilisateurs' });
  return items;
}
