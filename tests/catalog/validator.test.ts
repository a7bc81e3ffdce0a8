import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatCourseIssue } from '../../server/catalog/course-issue.ts';
import { loadCourse } from '../../server/catalog/load-course.ts';

const fixtures = path.resolve(import.meta.dirname, '../fixtures/courses');

async function issuesOf(scenario: string): Promise<string[]> {
  const result = await loadCourse(path.join(fixtures, scenario, 'demo'), {
    displayRoot: path.join(fixtures, scenario),
  });
  expect(result.course).toBeUndefined();
  return result.issues.map(formatCourseIssue);
}

describe('course validator', () => {
  it('accepts the valid fixture and builds the course with its modules in order', async () => {
    const { course, issues } = await loadCourse(path.join(fixtures, 'valid', 'demo'), { displayRoot: fixtures });
    expect(issues).toEqual([]);
    expect(course?.title).toBe('Cours de démonstration');
    expect(course?.declaredMinutes).toBe(25);
    expect(course?.version).toBe(2);
    expect(course?.passMark).toBe(75);
    expect(course?.modules.map((m) => m.slug)).toEqual(['premier', 'evaluation']);
    expect(course?.modules[1]?.isFinal).toBe(true);
    expect(course?.cover).toEqual({
      url: '/courses/demo/assets/images/couverture.png',
      alt: "Une passerelle au-dessus d'une rivière",
    });
    expect(course?.contentHash).toMatch(/^[0-9a-f]{16}$/);
  });

  // Each scenario folder holds one mistake; the message must name the file, the line and the fix.
  const scenarios: [string, string, RegExp][] = [
    ['missing-title', 'demo/course.md:2', /champ « titre » obligatoire manquant/],
    ['unknown-field', 'demo/course.md:4', /champ inconnu « publique » : vouliez-vous écrire « public » \?/],
    ['bad-duration', 'demo/course.md:8', /durée « environ une heure » illisible/],
    ['objectives-not-list', 'demo/course.md:5', /« objectifs » doit être une liste/],
    ['yaml-syntax', 'demo/01-premier.md:2', /en-tête illisible/],
    ['unclosed-front-matter', 'demo/01-premier.md:1', /l’en-tête n’est pas fermé/],
    ['no-correct-answer', 'demo/01-premier.md:23', /question 1 : aucune bonne réponse n'est cochée/],
    ['two-single-answers', 'demo/01-premier.md:23', /question 1 : 2 bonnes réponses sont cochées avec \(x\)/],
    ['mixed-choice-kinds', 'demo/01-premier.md:30', /question 2 : mélange de choix uniques/],
    [
      'feedback-without-choice',
      'demo/01-premier.md:47',
      /question 4 : un retour « > » doit se trouver juste sous un choix/,
    ],
    ['unknown-quiz-line', 'demo/01-premier.md:43', /question 3 : ligne non reconnue « Peut-être »/],
    ['question-without-answers', 'demo/02-evaluation.md:15', /question 1 : aucune réponse n'est proposée/],
    ['image-without-alt', 'demo/01-premier.md:17', /n’a pas de description/],
    ['image-missing', 'demo/01-premier.md:17', /« images\/absente.png » est introuvable/],
    ['bad-module-name', 'demo/1-intro.md:1', /nom de fichier non reconnu/],
    ['duplicate-position', 'demo/02-evaluation.md:1', /le numéro 02 est déjà utilisé/],
    ['final-not-last', 'demo/02-evaluation.md:1', /l’évaluation finale doit être le dernier module/],
    ['too-deep', 'demo/01-premier.md:17', /imbrication trop profonde/],
    ['quiz-settings-without-quiz', 'demo/01-premier.md:1', /le module n’a pas de partie « ## Quiz »/],
    [
      'unknown-quiz-setting',
      'demo/02-evaluation.md:10',
      /champ inconnu « melange » : vouliez-vous écrire « melanger » \?/,
    ],
  ];
  it.each(scenarios)('reports the %s mistake at %s', async (scenario, location, message) => {
    const issues = await issuesOf(scenario);
    const match = issues.find((line) => line.startsWith(`${location} — `));
    expect(match, issues.join('\n')).toBeDefined();
    expect(match).toMatch(message);
  });

  it('reports a too-large file without parsing it', async () => {
    const { mkdtemp, cp, writeFile } = await import('node:fs/promises');
    const os = await import('node:os');
    const dir = await mkdtemp(path.join(os.tmpdir(), 'passerelle-big-'));
    await cp(path.join(fixtures, 'valid', 'demo'), path.join(dir, 'demo'), { recursive: true });
    await writeFile(path.join(dir, 'demo', '01-premier.md'), `---\ntitre: x\n---\n${'a'.repeat(300 * 1024)}`);
    const { issues } = await loadCourse(path.join(dir, 'demo'), { displayRoot: dir });
    expect(issues.map(formatCourseIssue)).toContainEqual(
      expect.stringMatching(/^demo\/01-premier.md:1 — fichier trop gros/),
    );
  });
});
