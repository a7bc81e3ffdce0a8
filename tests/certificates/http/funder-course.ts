import { type BuiltCourse, buildCourse } from '../../catalog/course-builder.ts';

export const minute = 60_000;

/** The fixture course with a minimum time of 20 minutes and every funder field. */
export function buildFunderCourse(): Promise<BuiltCourse> {
  return buildCourse((f) =>
    f.insertLines(
      'course.md',
      10,
      'temps_minimum: 20 min',
      'prerequis: Savoir lire un courriel',
      'modalites: À distance, en autonomie, avec une référente joignable',
      'accessibilite: Écrire à handicap@exemple.org pour une adaptation',
      'contact: Assistance à formation@exemple.org, réponse sous 48 h',
      'mise_a_jour: 2026-11-30',
      'licence: CC BY-SA 4.0',
    ),
  );
}
