// Every user-facing sentence of the interface, French first, one file per area under fr/. Keys start
// with their area's name; a page's template and its route use the same keys.
import { accounts } from './fr/accounts.ts';
import { admin } from './fr/admin.ts';
import { assessment } from './fr/assessment.ts';
import { assignments } from './fr/assignments.ts';
import { badges } from './fr/badges.ts';
import { certificates } from './fr/certificates.ts';
import { commitments } from './fr/commitments.ts';
import { common } from './fr/common.ts';
import { courseCheck } from './fr/course-check.ts';
import { errors } from './fr/errors.ts';
import { funder } from './fr/funder.ts';
import { hr } from './fr/hr.ts';
import { hrActivity } from './fr/hr-activity.ts';
import { jobAid } from './fr/job-aid.ts';
import { learning } from './fr/learning.ts';
import { lrs } from './fr/lrs.ts';
import { mail } from './fr/mail.ts';
import { me } from './fr/me.ts';
import { mfa } from './fr/mfa.ts';
import { privacy } from './fr/privacy.ts';
import { reminders } from './fr/reminders.ts';
import { satisfaction } from './fr/satisfaction.ts';
import { sso } from './fr/sso.ts';
import { structures } from './fr/structures.ts';
import { studio } from './fr/studio.ts';
import { xapi } from './fr/xapi.ts';

export const fr = {
  ...common,
  ...errors,
  ...learning,
  ...accounts,
  ...sso,
  ...mfa,
  ...admin,
  ...hr,
  ...studio,
  ...certificates,
  ...badges,
  ...me,
  ...courseCheck,
  ...xapi,
  ...mail,
  ...lrs,
  ...assignments,
  ...reminders,
  ...assessment,
  ...structures,
  ...jobAid,
  ...commitments,
  ...privacy,
  ...funder,
  ...satisfaction,
  ...hrActivity,
} as const;

export type MessageKey = keyof typeof fr;
