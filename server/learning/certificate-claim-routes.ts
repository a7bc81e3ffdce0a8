import { Router } from 'express';
import { requireUser } from '../accounts/guards.ts';
import { claimCertificate } from './claim-certificate.ts';
import { findCourse } from './find-course.ts';
import type { LearningDeps, LearningHandler } from './learning-deps.ts';

/** « Obtenir mon attestation », for a certificate held back by the course's minimum time. */
export function certificateClaimRoutes(deps: LearningDeps): Router {
  const router = Router();
  router.post('/courses/:course/attestation', requireUser, claim(deps));
  return router;
}

/** To the certificate once issued; back to the course page, which says how long remains, otherwise. */
const claim: LearningHandler = (deps) => async (req, res) => {
  const course = findCourse(deps.getCatalog(), req.params.course);
  const certificateId = await claimCertificate(deps, { userId: res.locals.user!.id, course });
  res.redirect(303, certificateId ? `/certificates/${certificateId}` : `/courses/${course.slug}#attestation`);
};
