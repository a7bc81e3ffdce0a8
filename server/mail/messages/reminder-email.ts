import { formatDateFr } from '../../i18n/format-date-fr.ts';
import { translate } from '../../i18n/translate.ts';
import { composeEmail, type EmailContent } from '../compose-email.ts';

/** The reminder of an assigned training: the course, its due date, a link to it and the way to stop these. */
export function reminderEmail(input: {
  baseUrl: string;
  course: string;
  courseTitle: string;
  dueDate: string;
  late: boolean;
  unsubscribeUrl: string;
  org: string;
  colour?: string;
}): EmailContent {
  const params = { course: input.courseTitle, date: formatDateFr(input.dueDate) };
  return composeEmail({
    subject: translate(input.late ? 'mail.reminder.subjectLate' : 'mail.reminder.subject', params),
    intro: [translate(input.late ? 'mail.reminder.bodyLate' : 'mail.reminder.body', params)],
    action: { label: translate('mail.reminder.action'), href: `${input.baseUrl}/courses/${input.course}/resume` },
    org: input.org,
    colour: input.colour,
    footer: [
      { text: translate('mail.reminder.unsubscribe') },
      { text: input.unsubscribeUrl, href: input.unsubscribeUrl },
    ],
  });
}
