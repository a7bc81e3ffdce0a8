import { translate } from '../../i18n/translate.ts';
import { composeEmail, type EmailContent } from '../compose-email.ts';

/**
 * The reminder a learner asked for at the end of a course. It does not quote what they wrote: the outbox
 * is visible to administrators (`/admin/emails`) and mail passes through other servers; the link leads to
 * the text, behind sign-in.
 */
export function commitmentEmail(input: {
  baseUrl: string;
  course: string;
  courseTitle: string;
  org: string;
  colour?: string;
}): EmailContent {
  const params = { course: input.courseTitle };
  return composeEmail({
    subject: translate('commitments.mail.subject', params),
    intro: [translate('commitments.mail.body', params)],
    action: {
      label: translate('commitments.mail.action'),
      href: `${input.baseUrl}/me/engagements/${encodeURIComponent(input.course)}`,
    },
    outro: [translate('commitments.mail.why')],
    org: input.org,
    colour: input.colour,
  });
}
