// Assessment that measures learning: the delay between attempts, the objectives to review after a failed
// attempt, and the positioning quiz with each objective's progress (before → after).
export const assessment = {
  'assessment.wait.notice': 'Vous pourrez refaire ce quiz à partir du {date}.',
  'assessment.wait.why': 'Ce quiz demande d’attendre {delay} entre deux essais : profitez-en pour relire les modules.',
  'assessment.wait.rule': 'Délai entre deux essais : {delay}.',
  'assessment.days.one': '1 jour',
  'assessment.days.many': '{count} jours',
  'assessment.review.heading': 'Objectifs à retravailler',
  'assessment.review.intro':
    'Vos réponses montrent des points à revoir sur ces objectifs de la formation. Relisez les modules indiqués avant votre prochain essai.',
  'assessment.review.modules': 'À relire :',
  'assessment.review.noModule': 'Relisez les modules de la formation.',
  'assessment.positioning.label': 'Positionnement',
  'assessment.positioning.optional': 'positionnement facultatif, ne compte pas pour l’attestation',
  'assessment.positioning.intro':
    'Ce positionnement est facultatif et ne compte ni pour terminer la formation ni pour l’attestation. Il mesure ce que vous savez déjà, objectif par objectif, pour vous montrer votre progression à la fin de la formation. Répondez sans chercher : « je ne sais pas encore » est une réponse utile.',
  'assessment.positioning.once': 'Il se passe une seule fois.',
  'assessment.positioning.skip': 'Passer le positionnement et commencer : {title}',
  'assessment.positioning.offer':
    'Cette formation commence par un positionnement facultatif, qui ne compte pas pour l’attestation : il vous montrera votre progression à la fin.',
  'assessment.positioning.closed':
    'Le positionnement n’est plus proposé : vous avez déjà passé l’évaluation finale, il ne mesurerait plus ce que vous saviez avant la formation.',
  'assessment.positioning.done': 'Positionnement passé le {date}.',
  'assessment.positioning.seeResult': 'Voir votre résultat',
  'assessment.positioning.resultTitle': 'Résultat du positionnement',
  'assessment.positioning.resultLead':
    'Voici où vous en êtes avant la formation. Ce résultat ne compte pas pour l’attestation : l’évaluation finale mesurera les mêmes objectifs.',
  'assessment.progress.heading': 'Ma progression par objectif',
  'assessment.progress.caption': 'Part de bonnes réponses par objectif, avant et après la formation',
  'assessment.progress.objective': 'Objectif',
  'assessment.progress.before': 'Avant (positionnement)',
  'assessment.progress.after': 'Après (évaluation finale)',
  'assessment.progress.percent': '{value} %',
  'assessment.progress.notMeasured': 'non mesuré',
  'assessment.progress.courseHeading': '{course}',
  'assessment.aggregate.heading': 'Progression par objectif',
  'assessment.aggregate.intro':
    'Part moyenne de bonnes réponses par objectif, au positionnement puis à l’évaluation finale, pour les personnes qui ont passé les deux. Aucun résultat individuel n’est affiché.',
  'assessment.aggregate.caption': 'Progression moyenne par objectif ({count} personne(s) mesurée(s) avant et après)',
  'assessment.aggregate.learners': 'Personnes',
  'assessment.aggregate.tooFew':
    'Moins de {minimum} personnes ont passé le positionnement et l’évaluation finale : les moyennes ne sont pas affichées, car elles laisseraient deviner le résultat de chacune.',
  'assessment.aggregate.hidden': 'moins de {minimum}',
  'assessment.aggregate.none':
    'Cette formation n’a pas de positionnement : la progression par objectif n’est pas mesurée.',
  'assessment.hr.title': 'Progression par objectif',
  'assessment.hr.lead':
    'Ce que les personnes ont appris, objectif par objectif : la moyenne au positionnement (avant) et à l’évaluation finale (après). Une personne compte dans la période où elle a passé l’évaluation finale.',
  'assessment.hr.chooseCourse': 'Choisissez une formation avec un positionnement.',
  'assessment.hr.link': 'Progression par objectif (formations avec positionnement)',
  'assessment.hr.noPositioning': 'Aucune formation publiée n’a de positionnement.',
} as const;
