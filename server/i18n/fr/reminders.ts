/** Reminders of assigned trainings: the unsubscribe page and HR's daily digest choice. */
export const reminders = {
  'reminders.unsubscribe.title': 'Rappels de formation par e-mail',
  'reminders.unsubscribe.on':
    'Vous recevez un rappel par e-mail quand une formation qui vous est assignée arrive à sa date limite ou la dépasse.',
  'reminders.unsubscribe.off': 'Vous ne recevez plus de rappels de formation par e-mail.',
  'reminders.unsubscribe.stop': 'Ne plus recevoir de rappels',
  'reminders.unsubscribe.restart': 'Recevoir à nouveau les rappels',
  'reminders.unsubscribe.doneOff': 'C’est fait : vous ne recevrez plus de rappels de formation.',
  'reminders.unsubscribe.doneOn': 'C’est fait : vous recevrez de nouveau les rappels de formation.',
  'reminders.unsubscribe.always':
    'Les e-mails d’invitation, de mot de passe et d’attestation restent envoyés : ils répondent à une action.',

  'reminders.digest.title': 'Résumé quotidien des retards',
  'reminders.digest.intro':
    'Chaque matin, un e-mail indique pour chaque formation assignée combien de personnes sont en retard (sans nom ; le détail est dans Passerelle). Rien n’est envoyé un jour sans retard.',
  'reminders.digest.label': 'Recevoir le résumé quotidien par e-mail',
  'reminders.digest.on': 'Oui',
  'reminders.digest.off': 'Non',
  'reminders.digest.save': 'Enregistrer',
  'reminders.digest.saved': 'Votre choix est enregistré.',
  'reminders.digest.notConfigured':
    'L’envoi d’e-mails n’est pas configuré sur cette installation : le résumé ne partira qu’une fois SMTP_URL défini.',
  'reminders.digest.link': 'Résumé quotidien des retards par e-mail',
} as const;
