import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { formatCourseIssue } from '../../server/catalog/course-issue.ts';
import { loadCourse } from '../../server/catalog/load-course.ts';
import { buildCourse, type CourseChange, validCourseDir } from './course-builder.ts';

/** Loads the valid course with one change and returns its issues as the trainer reads them. */
async function issuesOf(change: CourseChange): Promise<string[]> {
  const built = await buildCourse(change);
  onTestFinished(built.remove);
  const result = await loadCourse(built.dir, { displayRoot: built.root });
  expect(result.course).toBeUndefined();
  return result.issues.map(formatCourseIssue);
}

const premier = '01-premier.md';
const evaluation = '02-evaluation.md';

describe('course validator', () => {
  it('accepts the valid fixture and builds the course with its modules in order', async () => {
    const { course, issues } = await loadCourse(validCourseDir, { displayRoot: path.dirname(validCourseDir) });
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

  // Each scenario is the valid course with one mistake; the message names the file, the line and the fix.
  const scenarios: [string, CourseChange, string[]][] = [
    [
      'missing-title',
      (f) => f.replace('course.md', 'titre: Cours de démonstration\n', ''),
      ['demo/course.md:2 — champ « titre » obligatoire manquant. Ajoutez une ligne « titre: … ».'],
    ],
    [
      'unknown-field',
      (f) => f.replace('course.md', 'public:', 'publique:'),
      [
        'demo/course.md:2 — champ « public » obligatoire manquant. Ajoutez une ligne « public: … ».',
        'demo/course.md:4 — champ inconnu « publique » : vouliez-vous écrire « public » ? Champs possibles : titre, resume, public, objectifs, duree, seuil_reussite, version, auteurs, structure, couverture, temps_minimum, prerequis, modalites, accessibilite, contact, mise_a_jour, licence.',
      ],
    ],
    [
      'bad-duration',
      (f) => f.replace('course.md', 'duree: 25 min', 'duree: environ une heure'),
      [
        'demo/course.md:8 — « duree » : durée « environ une heure » illisible. Écrivez par exemple « 45 min », « 1 h 30 » ou un nombre de minutes.',
      ],
    ],
    [
      'objectives-not-list',
      (f) =>
        f.replace('course.md', 'objectifs:\n  - Lire un module\n  - Répondre à un quiz', 'objectifs: Lire un module'),
      ['demo/course.md:5 — « objectifs » doit être une liste (une ligne « - … » par élément).'],
    ],
    [
      'yaml-syntax',
      (f) => f.replace(premier, 'titre: Premier module', 'titre: Premier: module: bis'),
      [
        'demo/01-premier.md:2 — en-tête illisible : deux-points « : » manquant ou en trop ; si le texte contient « : », mettez-le entre guillemets.',
      ],
    ],
    [
      'unclosed-front-matter',
      (f) => f.replace(premier, 'facile_a_lire: true\n---\n', 'facile_a_lire: true\n'),
      ['demo/01-premier.md:1 — l’en-tête n’est pas fermé : ajoutez une ligne « --- » après le dernier champ.'],
    ],
    [
      'no-correct-answer',
      (f) => f.replace(premier, "- (x) Je m'intéresse", "- ( ) Je m'intéresse"),
      [
        "demo/01-premier.md:23 — question 1 : aucune bonne réponse n'est cochée. Cochez au moins un choix avec (x) ou [x].",
      ],
    ],
    [
      'two-single-answers',
      (f) => f.replace(premier, '- ( ) Je lui demande', '- (x) Je lui demande'),
      [
        "demo/01-premier.md:23 — question 1 : 2 bonnes réponses sont cochées avec (x) alors qu'une seule est possible. Pour plusieurs bonnes réponses, utilisez [x].",
      ],
    ],
    [
      'mixed-choice-kinds',
      (f) => f.replace(premier, '- [ ] Aucune sans diplôme', '- ( ) Aucune sans diplôme'),
      [
        'demo/01-premier.md:35 — question 2 : ce choix utilise « ( ) » alors que le premier choix (ligne 31) utilise « [ ] » ; une question est soit à choix unique « ( ) », soit à choix multiple « [ ] ». Écrivez « - [ ] Aucune sans diplôme ».',
      ],
    ],
    [
      'feedback-without-choice',
      (f) => f.insertLines(premier, 46, '   > Bravo'),
      [
        'demo/01-premier.md:47 — question 4 : un retour « > » doit se trouver juste sous un choix « - ( ) » ou « - [ ] ». Pour une explication générale, écrivez « Explication : … ».',
      ],
    ],
    [
      'unknown-quiz-line',
      (f) => f.insertLines(premier, 42, 'Peut-être'),
      [
        'demo/01-premier.md:43 — question 3 : ligne non reconnue « Peut-être ». Un choix commence par « - ( ) » ou « - [ ] », un retour par « > », une réponse courte par « = ».',
      ],
    ],
    [
      'question-without-answers',
      (f) => f.replace(evaluation, '   = 2\n   = deux\n   Explication : deux sur seize.\n', ''),
      [
        "demo/02-evaluation.md:15 — question 1 : aucune réponse n'est proposée. Ajoutez des choix « - ( ) … » ou des réponses courtes « = … ».",
      ],
    ],
    [
      'image-without-alt',
      (f) => f.replace(premier, '![Un atelier en famille]', '![]'),
      [
        'demo/01-premier.md:17 — l’image « images/couverture.png » n’a pas de description : écrivez-la entre les crochets, ![description](images/couverture.png).',
      ],
    ],
    [
      'image-missing',
      (f) => f.replace(premier, '(images/couverture.png)', '(images/absente.png)'),
      ['demo/01-premier.md:17 — l’image « images/absente.png » est introuvable dans le dossier du cours.'],
    ],
    [
      'bad-percent-escape',
      (f) => {
        f.replace(premier, '(images/couverture.png)', '(images/%E0%A4.png)');
        f.replace('course.md', '(fichiers/fiche.txt)', '(fichiers/%ZZ.txt)');
      },
      [
        'demo/course.md:18 — le lien « fichiers/%ZZ.txt » est mal formé : « % » doit être suivi de deux chiffres ou lettres de A à F (%25 pour le signe « % » lui-même).',
        'demo/01-premier.md:17 — l’image « images/%E0%A4.png » a une adresse mal formée : « % » doit être suivi de deux chiffres ou lettres de A à F (%25 pour le signe « % » lui-même).',
      ],
    ],
    [
      'bad-module-name',
      (f) => f.copy(premier, '1-intro.md'),
      [
        "demo/1-intro.md:1 — nom de fichier non reconnu : un module s'appelle « NN-nom.md » (deux chiffres, un tiret, un nom en minuscules sans accents).",
      ],
    ],
    [
      'duplicate-position',
      (f) => f.copy(premier, '02-autre.md'),
      [
        'demo/02-evaluation.md:1 — le numéro 02 est déjà utilisé par « 02-autre.md ». Chaque module a son propre numéro.',
      ],
    ],
    [
      'final-not-last',
      (f) => f.write('03-apres.md', f.text(premier).split('## Quiz')[0]!),
      ['demo/02-evaluation.md:1 — l’évaluation finale doit être le dernier module du cours (numéro le plus grand).'],
    ],
    [
      'too-deep',
      (f) => f.insertLines(premier, 16, '> > > > > > > > > > > > > très profond', ''),
      ['demo/01-premier.md:17 — imbrication trop profonde (plus de 8 niveaux de listes ou de citations).'],
    ],
    [
      'quiz-settings-without-quiz',
      (f) => {
        f.replace(premier, 'facile_a_lire: true\n', 'facile_a_lire: true\nquiz:\n  seuil: 50\n');
        f.write(premier, f.text(premier).split('## Quiz')[0]!);
      },
      ['demo/01-premier.md:1 — des réglages « quiz » sont donnés mais le module n’a pas de partie « ## Quiz ».'],
    ],
    [
      'unknown-quiz-setting',
      (f) => f.replace(evaluation, 'melanger: true', 'melange: true'),
      [
        'demo/02-evaluation.md:10 — champ inconnu « melange » : vouliez-vous écrire « melanger » ? Champs possibles : seuil, tentatives, melanger, tirage, delai_entre_tentatives.',
      ],
    ],
    [
      'cover-not-a-group',
      (f) =>
        f.replace(
          'course.md',
          "couverture:\n  image: images/couverture.png\n  alt: Une passerelle au-dessus d'une rivière",
          'couverture: images/couverture.png',
        ),
      [
        'demo/course.md:13 — « couverture » doit être un groupe de champs : écrivez « couverture: » seul sur sa ligne, puis, en dessous, une ligne par champ en retrait de deux espaces : «   image: … », «   alt: … ».',
      ],
    ],
    [
      'more-groups-than-drawn',
      (f) => {
        f.replace(evaluation, 'melanger: true', 'melanger: true\n  tirage: 1');
        f.replace(evaluation, '   = deux\n', '   = deux\n   Groupe : chiffres\n');
        f.replace(evaluation, '   - ( ) Vrai\n', '   Groupe : idées\n   - ( ) Vrai\n');
      },
      [
        'demo/02-evaluation.md:1 — le quiz a 2 groupes de questions mais « quiz.tirage » n’en pose que 1 : écrivez « tirage: 2 » ou plus, pour poser au moins une question de chaque groupe.',
      ],
    ],
    [
      'draw-larger-than-bank',
      (f) => f.replace(evaluation, 'melanger: true', 'melanger: true\n  tirage: 5'),
      [
        'demo/02-evaluation.md:1 — « quiz.tirage » vaut 5 mais le quiz n’a que 2 question(s) : écrivez « tirage: 1 » ou moins, ou ajoutez des questions.',
      ],
    ],
  ];
  it.each(scenarios)('reports the %s mistake where it is, saying how to fix it', async (_name, change, expected) => {
    expect(await issuesOf(change)).toEqual(expected);
  });

  it('reports a too-large file without parsing it', async () => {
    const built = await buildCourse();
    onTestFinished(built.remove);
    await writeFile(path.join(built.dir, premier), `---\ntitre: x\n---\n${'a'.repeat(300 * 1024)}`);
    const { issues } = await loadCourse(built.dir, { displayRoot: built.root });
    expect(issues.map(formatCourseIssue)).toContainEqual(
      'demo/01-premier.md:1 — fichier trop gros (300 Ko, au plus 200 Ko). Découpez-le en plusieurs modules.',
    );
  });
});
