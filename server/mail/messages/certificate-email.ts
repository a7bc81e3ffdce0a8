import { translate } from '../../i18n/translate.ts';
import { composeEmail, type EmailContent } from '../compose-email.ts';

/** « Votre attestation »: the page to see and download it (sign-in needed) and the public verification link. */
export function certificateEmail(input: {
  baseUrl: string;
  certificateId: string;
  courseTitle: string;
  verifyUrl: string;
  org: string;
  colour?: string;
}): EmailContent {
  const course = input.courseTitle;
  return composeEmail({
    subject: translate('mail.certificate.subject', { course }),
    intro: [translate('mail.certificate.body', { course })],
    action: {
      label: translate('mail.certificate.action'),
      href: `${input.baseUrl}/certificates/${input.certificateId}`,
    },
    outro: [translate('mail.certificate.verify', { verify: input.verifyUrl })],
    org: input.org,
    colour: input.colour,
  });
}
