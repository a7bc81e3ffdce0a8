/** The learner's personal commitment at the end of a course, its reminder, and where it shows again. */
export const commitments = {
  'commitments.title': 'Ce que je vais essayer cette semaine',
  'commitments.invite':
    'Pour finir, notez une action concrète et à votre portée. Vous la retrouverez dans « Mon parcours ». Personne d’autre ne la voit.',
  'commitments.inviteLink': 'Noter ce que je vais essayer cette semaine',
  'commitments.intro':
    'Une seule action, concrète et à votre portée, pour mettre en pratique la formation « {course} ».',
  'commitments.private':
    'Ce texte n’est visible que par vous : ni les RH, ni les formateurs, ni l’administration de Passerelle ne le voient, et il ne figure dans aucun export.',
  'commitments.label': 'Ce que je vais essayer cette semaine',
  'commitments.hint': '{max} caractères au plus. Laissez le champ vide et enregistrez pour effacer.',
  'commitments.remind': 'Me le rappeler dans 30 jours',
  'commitments.remindByMail':
    'Un e-mail vous sera envoyé à {email} le {date}, et le rappel s’affichera aussi sur la page d’accueil de Passerelle. L’e-mail ne reprend pas votre texte : il vous invite à le relire ici.',
  'commitments.remindOnHome':
    'Passerelle n’envoie pas d’e-mails dans votre structure : le rappel s’affichera sur la page d’accueil de Passerelle à partir du {date}.',
  'commitments.save': 'Enregistrer',
  'commitments.saved': 'C’est enregistré. Vous le retrouverez dans « Mon parcours ».',
  'commitments.deleted': 'C’est effacé.',
  'commitments.tooLong': 'Le texte est trop long : {max} caractères au plus (vous en avez écrit {length}).',
  'commitments.invalid': 'Ce champ n’a pas été reçu correctement : écrivez votre texte à nouveau.',
  'commitments.backToMe': 'Retour à « Mon parcours »',
  'commitments.mine': 'Ce que j’ai prévu d’essayer',
  'commitments.mineIntro': 'Personne d’autre que vous ne voit ces textes.',
  'commitments.remindOn': 'Rappel prévu le {date}.',
  'commitments.reminded': 'Rappel envoyé le {date}.',
  'commitments.edit': 'Modifier « {course} »',
  'commitments.due': 'Il y a un mois, vous aviez noté ce que vous alliez essayer',
  'commitments.dueItem': 'Après « {course} » :',
  'commitments.dueQuestion': 'Où en êtes-vous ? Vous pouvez compléter ou changer ce texte.',
  'commitments.mail.subject': 'Votre rappel : ce que vous vouliez essayer après « {course} »',
  'commitments.mail.body':
    'Il y a 30 jours, après la formation « {course} », vous avez noté une action à essayer et demandé ce rappel. Où en êtes-vous ?',
  'commitments.mail.action': 'Relire ce que j’avais noté',
  'commitments.mail.why': 'Vous recevez ce message une seule fois, parce que vous l’avez demandé.',
} as const;
