// Assessment that measures learning: the delay between attempts, the objectives to review after a failed
// attempt, and the positioning quiz with each objective's progress (before → after).
export const assessment = {
  'assessment.wait.notice': 'Vous pourrez refaire ce quiz à partir du {date}.',
  'assessment.wait.why': 'Ce quiz demande d’attendre {delay} entre deux essais : profitez-en pour relire les modules.',
  'assessment.wait.rule': 'Délai entre deux essais : {delay}.',
  'assessment.days.one': '1 jour',
  'assessment.days.many': '{count} jours',
} as const;
