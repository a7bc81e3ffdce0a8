import type { MessageKey } from '../i18n/fr.ts';
import type { Translate } from '../i18n/translate.ts';

/** Every action the audit trail records, in the order the viewer's filter lists them. */
export const auditActions = [
  'user.signed_in',
  'user.sign_in_failed',
  'user.second_factor_passed',
  'user.second_factor_failed',
  'user.second_factor_enabled',
  'user.second_factor_replaced',
  'user.second_factor_reset',
  'user.password_changed',
  'user.invited',
  'users.imported',
  'user.created',
  'user.identity_linked',
  'user.reset_link',
  'user.role_changed',
  'user.deactivated',
  'user.activated',
  'user.erased',
  'privacy.data_exported',
  'privacy.retention_applied',
  'report.completions_exported',
  'report.assignment_exported',
  'report.statements_exported',
  'audit.exported',
  'certificate.issued',
  'certificate.revoked',
  'certificate.reissued',
  'email.resent',
  'lrs.statements_resent',
  'assignment.created',
  'assignment.withdrawn',
  'course.published',
  'course.imported',
  'course.draft_discarded',
  'course.version_restored',
  'structure.face_changed',
  'structure.logo_changed',
  'structure.logo_removed',
] as const;

/** The French label of an action; an action recorded by a newer version than this one shows as is. */
export function auditActionLabel(action: string, t: Translate): string {
  return (auditActions as readonly string[]).includes(action) ? t(`privacy.action.${action}` as MessageKey) : action;
}
