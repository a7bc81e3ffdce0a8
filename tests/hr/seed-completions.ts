import type { Role, User } from '../../server/accounts/schema.ts';
import type { Assignment } from '../../server/assignments/schema.ts';
import type { Certificate } from '../../server/certificates/schema.ts';
import type { Attempt, Enrollment, ModuleProgress } from '../../server/learning/schema.ts';
import type { AppStore } from '../../server/store/app-collections.ts';
import { writeStructure } from '../../server/structures/tree-revision.ts';

export const nord = 'Centre social Nord';
export const lilas = 'Crèche Les Lilas';

const createdAt = '2025-09-01T08:00:00.000Z';

export function userRow(id: string, name: string, extra: Partial<User> = {}): User {
  return {
    id,
    email: `${id}@exemple.org`,
    name,
    role: 'learner' as Role,
    structure: nord,
    matricule: null,
    passwordHash: null,
    active: true,
    createdAt,
    updatedAt: createdAt,
    ...extra,
  };
}

export function enrollmentRow(
  userId: string,
  course: string,
  completedAt: string | null,
  extra: Partial<Enrollment> = {},
): Enrollment {
  return {
    id: `${userId}|${course}`,
    userId,
    course,
    courseTitle: course === 'demo' ? 'Cours de démonstration' : `Titre enregistré de ${course}`,
    courseVersion: 2,
    contentHash: 'hash',
    startedAt: '2026-01-05T09:00:00.000Z',
    lastSeenAt: completedAt ?? '2026-01-06T09:00:00.000Z',
    lastModule: 'premier',
    completedAt,
    finalScore: completedAt ? 90 : null,
    seconds: 0,
    ...extra,
  };
}

export function progressRow(userId: string, course: string, module: string, seconds: number): ModuleProgress {
  return {
    id: `${userId}|${course}|${module}`,
    userId,
    course,
    module,
    courseVersion: 2,
    contentHash: 'hash',
    firstSeenAt: '2026-01-05T09:00:00.000Z',
    lastSeenAt: '2026-01-05T09:10:00.000Z',
    seconds,
    readAt: '2026-01-05T09:00:00.000Z',
    passedAt: null,
    bestScore: null,
  };
}

/** A graded attempt on the demo course's final assessment (pass mark 80). */
export function attemptRow(id: string, userId: string, score: number, createdAt: string): Attempt {
  return {
    id,
    userId,
    course: 'demo',
    module: 'evaluation',
    courseVersion: 2,
    contentHash: 'hash',
    createdAt,
    answers: {},
    correct: {},
    score,
    passMark: 80,
    passed: score >= 80,
  };
}

let codeCounter = 0;
export function certificateRow(
  userId: string,
  course: string,
  issuedAt: string,
  extra: Partial<Certificate> & { declaredMinutes?: number } = {},
): Certificate {
  codeCounter += 1;
  const shortCode = `PAS-TEST-${String(codeCounter).padStart(4, '0')}`;
  const { declaredMinutes = 25, ...rest } = extra;
  return {
    id: `cert-${userId}-${course}-${codeCounter}`,
    token: `token-${codeCounter}`,
    shortCode,
    userId,
    course,
    courseVersion: 2,
    snapshot: {
      learnerName: userId,
      courseTitle: course,
      courseVersion: 2,
      contentHash: 'hash',
      objectives: ['Lire un module'],
      declaredMinutes,
      measuredMinutes: 10,
      completedAt: issuedAt,
      score: 90,
      passMark: 75,
      issuer: { name: 'Passerelle', city: 'Lille' },
      shortCode,
      issuedAt,
    },
    status: 'valid',
    statusChangedAt: null,
    statusChangedBy: null,
    revokeReason: null,
    replacedBy: null,
    replaces: null,
    ...rest,
  };
}

/**
 * Two structures and every state a pair can be in:
 * - Alice (Nord): demo completed (valid certificate), rgpd in progress, an unpublished course completed in 2025.
 * - Bruno (Nord): demo in progress. Chloé (Lilas): demo completed at 00:30 Paris on 1 July, certificate revoked.
 * - Damien (Lilas): nothing started. Ève (HR, Lilas): nothing started, not a learner.
 * - Fanny (trainer, Nord): rgpd completed. Gaston (Nord): deactivated, nothing started.
 * - Hugo (Lilas): demo completed; his first certificate was replaced by a valid one.
 */
export async function seedCompletions(store: AppStore): Promise<void> {
  await store.transact((tx) => {
    // Accounts from before the tree kept their text as code (schema 3 makes codes of them; these stay as typed).
    for (const structure of [nord, lilas])
      writeStructure(tx, { id: structure, name: structure, parentId: 'reseau', createdAt, updatedAt: createdAt });
    for (const user of [
      userRow('alice', 'Alice Martin', { matricule: 'M-001' }),
      userRow('bruno', 'Bruno Petit'),
      userRow('chloe', 'Chloé Lefèvre', { structure: lilas }),
      userRow('damien', 'Damien Roux', { structure: lilas }),
      userRow('eve', 'Ève Garnier', { structure: lilas, role: 'hr' }),
      userRow('fanny', 'Fanny Morel', { role: 'trainer' }),
      userRow('gaston', 'Gaston Blanc', { active: false }),
      userRow('hugo', 'Hugo Bernard', { structure: lilas }),
    ]) {
      tx.put('users', user);
    }
    const progress = [
      progressRow('alice', 'demo', 'premier', 600),
      progressRow('alice', 'demo', 'evaluation', 300),
      progressRow('alice', 'rgpd', 'intro', 120),
      progressRow('bruno', 'demo', 'premier', 90),
      progressRow('chloe', 'demo', 'premier', 3600),
      progressRow('hugo', 'demo', 'premier', 1800),
    ];
    // An enrollment keeps the sum of its modules' time, as recording activity does.
    const spent = (userId: string, course: string) =>
      progress.filter((p) => p.userId === userId && p.course === course).reduce((sum, p) => sum + p.seconds, 0);
    for (const row of progress) tx.put('progress', row);
    for (const enrollment of [
      enrollmentRow('alice', 'demo', '2026-03-10T10:00:00.000Z'),
      enrollmentRow('alice', 'rgpd', null),
      enrollmentRow('alice', 'ancien', '2025-12-01T10:00:00.000Z', {
        courseTitle: 'Ancienne formation',
        courseVersion: 1,
        finalScore: null,
      }),
      enrollmentRow('bruno', 'demo', null),
      enrollmentRow('chloe', 'demo', '2026-06-30T22:30:00.000Z', { finalScore: 80 }),
      enrollmentRow('fanny', 'rgpd', '2026-01-15T10:00:00.000Z'),
      enrollmentRow('hugo', 'demo', '2026-05-05T10:00:00.000Z'),
    ]) {
      tx.put('enrollments', { ...enrollment, seconds: spent(enrollment.userId, enrollment.course) });
    }
    tx.put('certificates', certificateRow('alice', 'demo', '2026-03-10T10:00:00.000Z'));
    tx.put('certificates', certificateRow('alice', 'ancien', '2025-12-01T10:00:00.000Z', { declaredMinutes: 120 }));
    tx.put(
      'certificates',
      certificateRow('chloe', 'demo', '2026-06-30T22:30:00.000Z', {
        status: 'revoked',
        statusChangedAt: '2026-07-02T08:00:00.000Z',
        statusChangedBy: 'eve',
        revokeReason: 'Attestation délivrée par erreur',
      }),
    );
    tx.put('certificates', certificateRow('hugo', 'demo', '2026-05-05T10:00:00.000Z', { status: 'replaced' }));
    tx.put('certificates', certificateRow('hugo', 'demo', '2026-05-20T10:00:00.000Z', { id: 'cert-hugo-new' }));
  });
}

export function assignmentRow(
  id: string,
  fields: Partial<Assignment> & Pick<Assignment, 'course' | 'target'>,
): Assignment {
  return {
    id,
    courseTitle: fields.course,
    structure: null,
    userIds: [],
    dueDate: null,
    status: 'active',
    createdAt,
    createdBy: 'eve',
    withdrawnAt: null,
    withdrawnBy: null,
    ...fields,
  };
}

/**
 * Assignments over the seeded learners, for a clock on 23 November 2026:
 * - `nord-demo`: demo to Nord, due 1 June 2026 — Bruno (in progress) is late, Alice completed before it.
 * - `rgpd-people`: rgpd to Alice and Damien by name, due 31 December 2026 (not yet).
 * - `rgpd-all`: rgpd to everyone, due 1 September 2026 — the earlier date counts: Alice (in progress) and
 *   Damien (not started) are late, Fanny completed before it.
 * - `demo-open`: demo to everyone without a due date (nobody is late for it).
 * - `lilas-withdrawn`: demo to Lilas, due in 2025, withdrawn: ignored unless filtered on by its id.
 */
export async function seedAssignments(store: AppStore): Promise<void> {
  await store.transact((tx) => {
    tx.put(
      'assignments',
      assignmentRow('nord-demo', { course: 'demo', target: 'structure', structure: nord, dueDate: '2026-06-01' }),
    );
    tx.put(
      'assignments',
      assignmentRow('rgpd-people', {
        course: 'rgpd',
        target: 'people',
        userIds: ['alice', 'damien'],
        dueDate: '2026-12-31',
      }),
    );
    tx.put('assignments', assignmentRow('rgpd-all', { course: 'rgpd', target: 'everyone', dueDate: '2026-09-01' }));
    tx.put('assignments', assignmentRow('demo-open', { course: 'demo', target: 'everyone' }));
    tx.put(
      'assignments',
      assignmentRow('lilas-withdrawn', {
        course: 'demo',
        target: 'structure',
        structure: lilas,
        dueDate: '2025-10-01',
        status: 'withdrawn',
        withdrawnAt: createdAt,
        withdrawnBy: 'eve',
      }),
    );
  });
}
