import { describe, expect, it, onTestFinished } from 'vitest';
import { formatCourseIssue } from '../../server/catalog/course-issue.ts';
import { loadCourse } from '../../server/catalog/load-course.ts';
import { buildCourse, type CourseChange } from './course-builder.ts';

/** The valid course with lines added after `version: 2` (line 10), so the first added one is line 11. */
async function load(change: CourseChange) {
  const built = await buildCourse(change);
  onTestFinished(built.remove);
  const result = await loadCourse(built.dir, { displayRoot: built.root });
  return { course: result.course, issues: result.issues.map(formatCourseIssue) };
}
const withLines =
  (...lines: string[]): CourseChange =>
  (f) =>
    f.insertLines('course.md', 10, ...lines);

describe('funder fields of the course sheet', () => {
  it('are read when present, under English names, the date kept as YYYY-MM-DD', async () => {
    const { course, issues } = await load(
      withLines(
        'prerequis: Aucun',
        'modalites: À distance, en autonomie',
        'accessibilite: Écrire à handicap@exemple.org',
        'contact: formation@exemple.org, réponse sous 48 h',
        'mise_a_jour: 30/11/2026',
        'licence: CC BY-SA 4.0',
        'temps_minimum: 1 h 15',
      ),
    );
    expect(issues).toEqual([]);
    expect(course?.funder).toEqual({
      prerequisites: 'Aucun',
      modalities: 'À distance, en autonomie',
      accessibility: 'Écrire à handicap@exemple.org',
      contact: 'formation@exemple.org, réponse sous 48 h',
      updatedOn: '2026-11-30',
      licence: 'CC BY-SA 4.0',
    });
    expect(course?.minimumMinutes).toBe(75);
  });

  it('are all optional', async () => {
    const { course, issues } = await load(() => {});
    expect(issues).toEqual([]);
    expect(Object.values(course!.funder).every((v) => v === undefined)).toBe(true);
    expect(course?.minimumMinutes).toBeUndefined();
  });

  it('report a wrong type, an impossible or unreadable date and a bad minimum time at their own line', async () => {
    const { course, issues } = await load(
      withLines('prerequis:', '  - Savoir lire', 'mise_a_jour: 2026-02-30', 'contact: 12', 'temps_minimum: longtemps'),
    );
    expect(course).toBeUndefined();
    // In the schema's order; sorted here by line.
    expect(issues.toSorted()).toEqual([
      'demo/course.md:12 — « prerequis » doit être un texte.',
      'demo/course.md:13 — « mise_a_jour » : date « 2026-02-30 » illisible. Écrivez-la sous la forme « 2026-11-30 » (année-mois-jour) ou « 30/11/2026 ».',
      'demo/course.md:14 — « contact » doit être un texte.',
      'demo/course.md:15 — « temps_minimum » : durée « longtemps » illisible. Écrivez par exemple « 45 min », « 1 h 30 » ou un nombre de minutes.',
    ]);
  });

  it('refuse a date written another way, naming the forms to type', async () => {
    const { issues } = await load(withLines('mise_a_jour: novembre 2026'));
    expect(issues).toEqual([
      'demo/course.md:11 — « mise_a_jour » : date « novembre 2026 » illisible. Écrivez-la sous la forme « 2026-11-30 » (année-mois-jour) ou « 30/11/2026 ».',
    ]);
  });
});
