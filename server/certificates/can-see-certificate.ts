import type { User } from '../accounts/schema.ts';
import type { Certificate } from './schema.ts';

type Viewer = Pick<User, 'id' | 'role'>;

/** HR and admins manage certificates: they revoke and re-issue (within their scope, checked by the routes). */
export function canManageCertificates(user: Pick<User, 'role'> | undefined, roles?: ReadonlySet<string>): boolean {
  return roles ? roles.has('hr') || roles.has('admin') : user?.role === 'hr' || user?.role === 'admin';
}

/**
 * Its holder, HR and admins may see a certificate and its PDF; to anyone else it does not exist. HR and
 * admins holding their role on part of the network only are narrowed to it by the routes.
 */
export function canSeeCertificate(
  user: Viewer,
  certificate: Pick<Certificate, 'userId'>,
  roles?: ReadonlySet<string>,
): boolean {
  return certificate.userId === user.id || canManageCertificates(user, roles);
}

/**
 * The public verification page names the holder (and their time and result) only while the certificate
 * is valid: a withdrawn one shows its course, date and status, so it cannot expose a person by its code.
 */
export function showsHolderPublicly(certificate: Pick<Certificate, 'status'>): boolean {
  return certificate.status === 'valid';
}
