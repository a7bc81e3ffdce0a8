import type { ModuleFrontMatter } from './course-front-matter.ts';
import type { CourseIssue, IssueList } from './course-issue.ts';
import type { ModuleText } from './course-text.ts';

/**
 * The positioning quiz's own settings: it is one quiz, answered once, before the course. Reported at line 1
 * of the module file, like the other rules on the front matter as a whole.
 */
export function checkPositioningSettings(data: ModuleFrontMatter, hasQuiz: boolean, issues: IssueList): void {
  if (!data.positionnement) return;
  if (data.evaluation_finale)
    issues.add(
      1,
      'un module ne peut pas être à la fois le positionnement et l’évaluation finale : le positionnement mesure ce que la personne sait avant la formation, l’évaluation finale ce qu’elle a appris. Retirez l’une des deux lignes.',
    );
  if (!hasQuiz) issues.add(1, 'le positionnement doit contenir un quiz (une partie « ## Quiz »).');
  if (data.quiz?.tentatives !== undefined && data.quiz.tentatives !== 1)
    issues.add(
      1,
      '« quiz.tentatives » : le positionnement se passe une seule fois, pour mesurer ce que la personne sait avant la formation. Retirez la ligne « tentatives ».',
    );
  if (data.quiz?.delai_entre_tentatives !== undefined)
    issues.add(
      1,
      '« quiz.delai_entre_tentatives » : le positionnement se passe une seule fois. Retirez la ligne « delai_entre_tentatives ».',
    );
}

/**
 * Rules on the positioning module among the others: at most one, first, and measuring objectives the final
 * assessment measures too, question by question, so that each learner's « before → after » can be computed.
 * Only run when every module loaded: judged on an incomplete list, "first" and "measured by the final
 * assessment" would mislead.
 */
export function checkPositioning(modules: ModuleText[], display: (file: string) => string): CourseIssue[] {
  const issues: CourseIssue[] = [];
  const positionings = modules.filter((m) => m.positioning);
  if (positionings.length === 0) return issues;
  const [positioning, second] = positionings as [ModuleText, ModuleText | undefined];
  const file = display(positioning.file);
  if (second)
    issues.push({
      file: display(second.file),
      line: 1,
      message: 'un seul module peut porter « positionnement: true ».',
    });
  if (modules[0] !== positioning)
    issues.push({
      file,
      line: 1,
      message:
        'le positionnement doit être le premier module du cours (numéro le plus petit, par exemple « 00-positionnement.md ») : il se passe avant les autres.',
    });
  const final = modules.find((m) => m.isFinal);
  if (!final?.quiz) {
    issues.push({
      file,
      line: 1,
      message:
        'un positionnement demande une évaluation finale (un module « evaluation_finale: true ») : c’est elle qui mesure la progression.',
    });
    return issues;
  }
  const measuredAfter = new Set(final.quiz.questions.flatMap((q) => q.objectives));
  for (const question of positioning.quiz?.questions ?? []) {
    const label = `question ${question.number}`;
    if (question.objectives.length === 0)
      issues.push({
        file,
        line: question.line,
        message: `${label} : une question de positionnement indique l’objectif du cours qu’elle mesure. Sous la question, ajoutez la ligne « Objectif : 1 » (le numéro de l’objectif dans « objectifs » de course.md).`,
      });
    for (const objective of question.objectives.filter((o) => !measuredAfter.has(o)))
      issues.push({
        file,
        line: question.line,
        message: `${label} : l’objectif ${objective} n’est mesuré par aucune question de l’évaluation finale (${final.file}), la progression ne pourrait pas être calculée. Ajoutez « Objectif : ${objective} » sous une question de l’évaluation finale, ou changez l’objectif de cette question.`,
      });
  }
  return issues;
}
