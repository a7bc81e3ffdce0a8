import type { Course } from '../../server/catalog/course.ts';
import type { Certificate } from '../../server/certificates/schema.ts';

/** `PAS-XXXX-XXXX` from a number: unique per seeded completion, in the alphabet typed from paper. */
export function benchShortCode(index: number): string {
  const digits = index
    .toString(32)
    .toUpperCase()
    .padStart(8, '0')
    .replace(/[ILOU]/g, 'X');
  return `PAS-${digits.slice(0, 4)}-${digits.slice(4, 8)}`;
}

/** The certificate a seeded completion would have received; one in 40 revoked, so every status shows. */
export function benchCertificate(input: {
  index: number;
  userId: string;
  course: Course;
  completedAt: string;
  score: number;
}): Certificate {
  const { index, userId, course, completedAt, score } = input;
  const shortCode = benchShortCode(index);
  return {
    id: `c${index}`,
    token: `t${index}`,
    shortCode,
    userId,
    course: course.slug,
    courseVersion: course.version,
    snapshot: {
      learnerName: userId,
      courseTitle: course.title,
      courseVersion: course.version,
      contentHash: course.contentHash,
      objectives: course.objectives,
      declaredMinutes: course.declaredMinutes,
      measuredMinutes: 30,
      completedAt,
      score,
      passMark: 70,
      issuer: { name: 'Passerelle', city: 'Lille' },
      shortCode,
      issuedAt: completedAt,
    },
    status: index % 40 === 0 ? 'revoked' : 'valid',
    statusChangedAt: null,
    statusChangedBy: null,
    revokeReason: null,
    replacedBy: null,
    replaces: null,
  };
}
