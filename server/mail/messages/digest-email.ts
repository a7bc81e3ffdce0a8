import { formatDateFr } from '../../i18n/format-date-fr.ts';
import { translate } from '../../i18n/translate.ts';
import { composeEmail, type EmailContent } from '../compose-email.ts';

/** HR's digest of overdue assigned trainings: counts per assignment, no names (they are behind sign-in). */
export function digestEmail(input: {
  baseUrl: string;
  lines: { courseTitle: string; dueDate: string; late: number }[];
  org: string;
  colour?: string;
}): EmailContent {
  const total = input.lines.reduce((sum, line) => sum + line.late, 0);
  return composeEmail({
    subject: translate('mail.digest.subject', { count: total }),
    intro: [
      translate('mail.digest.body'),
      ...input.lines.map((line) =>
        translate('mail.digest.line', { course: line.courseTitle, date: formatDateFr(line.dueDate), late: line.late }),
      ),
    ],
    action: { label: translate('mail.digest.action'), href: `${input.baseUrl}/hr/assignments` },
    outro: [translate('mail.digest.optOut', { link: `${input.baseUrl}/hr/digest` })],
    org: input.org,
    colour: input.colour,
  });
}
