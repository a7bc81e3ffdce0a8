import type { User } from '../../server/accounts/schema.ts';
import type { Config } from '../../server/config.ts';
import { completeCourse } from '../certificates/http/complete-course.ts';
import { addUser, csrfOf, signIn, type TestApp } from '../helpers/test-app.ts';

/** E-mail configured (never sent: no worker runs in these apps), so certificates and links are queued. */
export const queuedMail: Partial<Config> = {
  mail: {
    smtpUrl: 'smtp://127.0.0.1:1',
    from: 'Passerelle <formation@exemple.org>',
    maxAttempts: 3,
    retrySeconds: 60,
    leaseSeconds: 60,
  },
};

export interface SeededPerson {
  user: Readonly<User>;
  agent: Awaited<ReturnType<typeof signIn>>;
  certificateId: string;
}

/**
 * A learner with every kind of data: progress, quiz answers, a completed course and its certificate,
 * the certificate's e-mail, a password link e-mailed by an admin (audited) and a second-factor record.
 */
export async function seedPerson(
  t: TestApp,
  admin: Awaited<ReturnType<typeof signIn>>,
  who: { name: string; email: string; matricule: string },
): Promise<SeededPerson> {
  const user = await addUser(t, 'learner', { ...who, structure: 'Crèche Les Lilas' });
  return fillPerson(t, admin, user, await signIn(t, user));
}

/** The same data for a learner already signed in (who may have done more before). */
export async function fillPerson(
  t: TestApp,
  admin: Awaited<ReturnType<typeof signIn>>,
  user: Readonly<User>,
  agent: SeededPerson['agent'],
): Promise<SeededPerson> {
  const certificateId = await completeCourse(t, agent);
  const person = await admin.get(`/admin/users/${user.id}`).expect(200);
  await admin
    .post(`/admin/users/${user.id}/reset-link`)
    .type('form')
    .send({ _csrf: csrfOf(person.text) })
    .expect(200);
  return { user, agent, certificateId };
}
