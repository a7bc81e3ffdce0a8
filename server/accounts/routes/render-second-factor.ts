import type { Response } from 'express';
import type { FieldErrors } from '../../http/parse-form.ts';
import type { AccountDeps } from '../account-deps.ts';
import { qrSvg } from '../mfa/qr-svg.ts';
import { groupedSecret, otpauthUri } from '../mfa/totp.ts';
import type { User } from '../schema.ts';

/** The setup page: QR code, the key as text for typing by hand, and the field for a first code. */
export function renderEnrolment(
  res: Response,
  { config }: AccountDeps,
  shown: { user: Readonly<User>; secret: string; action: string; required: boolean; errors: FieldErrors },
) {
  const { t } = res.locals;
  const uri = otpauthUri(shown.secret, config.org.name, shown.user.email);
  res.render('accounts/mfa-enrol', {
    title: t('mfa.enrol.title'),
    // Built by the server from a fixed alphabet: no person's text in it except the escaped label.
    qr: qrSvg(uri, t('mfa.enrol.qrLabel')),
    secret: groupedSecret(shown.secret),
    action: shown.action,
    required: shown.required,
    errors: shown.errors,
    noindex: true,
  });
}

/** The ten recovery codes, shown this once; the page is never stored by the browser (signed in: no-store). */
export function renderRecoveryCodes(res: Response, codes: string[], next: string) {
  res.set('Cache-Control', 'no-store');
  res.render('accounts/mfa-recovery-codes', { title: res.locals.t('mfa.recovery.title'), codes, next, noindex: true });
}
