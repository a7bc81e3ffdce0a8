import { formatDateTimeFr } from '../../i18n/format-date-time-fr.ts';
import { translate } from '../../i18n/translate.ts';
import { composeEmail, type EmailContent } from '../compose-email.ts';

/** The invitation (choose a first password) or the reset link; the link is the only personal datum. */
export function passwordLinkEmail(input: {
  kind: 'invitation' | 'reset';
  baseUrl: string;
  token: string;
  expiresAt: Date;
  org: string;
  colour?: string;
}): EmailContent {
  const { kind, org } = input;
  const href = `${input.baseUrl}/${kind === 'invitation' ? 'invitations' : 'reset'}/${input.token}`;
  const expires = formatDateTimeFr(input.expiresAt.toISOString());
  return composeEmail({
    subject: translate(kind === 'invitation' ? 'mail.invitation.subject' : 'mail.reset.subject', { org }),
    intro: [translate(kind === 'invitation' ? 'mail.invitation.body' : 'mail.reset.body', { org })],
    action: { label: translate(kind === 'invitation' ? 'mail.invitation.action' : 'mail.reset.action'), href },
    outro: [translate(kind === 'invitation' ? 'mail.invitation.expiry' : 'mail.reset.expiry', { expires })],
    org,
    colour: input.colour,
  });
}
