/** E-mails (their subjects and text) and the administrators' page of the outbox (/admin/emails). */
export const mail = {
  'mail.greeting': 'Bonjour,',
  'mail.signature': '— {org}',
  'mail.automatic': 'Ce message est envoyé automatiquement par Passerelle ; inutile d’y répondre.',

  'mail.invitation.subject': 'Votre accès à Passerelle ({org})',
  'mail.invitation.body':
    'Un compte a été créé pour vous sur Passerelle, la plateforme de formation de {org}. Pour choisir votre mot de passe, ouvrez ce lien :',
  'mail.invitation.action': 'Choisir mon mot de passe',
  'mail.invitation.expiry': 'Ce lien ne sert qu’une fois ; il expire le {expires}.',

  'mail.reset.subject': 'Réinitialisation de votre mot de passe Passerelle',
  'mail.reset.body':
    'Un lien de réinitialisation de votre mot de passe a été demandé pour vous. Pour choisir un nouveau mot de passe, ouvrez ce lien :',
  'mail.reset.action': 'Choisir un nouveau mot de passe',
  'mail.reset.expiry':
    'Ce lien ne sert qu’une fois ; il expire le {expires}. Si vous n’attendiez pas ce message, prévenez la personne qui administre Passerelle dans votre structure.',

  'mail.certificate.subject': 'Votre attestation : {course}',
  'mail.certificate.body': 'Vous avez terminé la formation « {course} ». Votre attestation est prête :',
  'mail.certificate.action': 'Voir et télécharger mon attestation',
  'mail.certificate.verify':
    'Toute personne à qui vous la présentez peut vérifier son authenticité à cette adresse : {verify}',

  'mail.reminder.subject': 'Rappel : « {course} » à terminer avant le {date}',
  'mail.reminder.subjectLate': 'En retard : « {course} » (date limite : {date})',
  'mail.reminder.body': 'La formation « {course} » vous a été assignée ; elle est à terminer avant le {date} inclus.',
  'mail.reminder.bodyLate':
    'La formation « {course} » vous a été assignée avec une date limite au {date}, qui est passée. Vous pouvez la terminer dès maintenant.',
  'mail.reminder.action': 'Ouvrir la formation',
  'mail.reminder.unsubscribe': 'Ne plus recevoir ces rappels :',

  'mail.digest.subject': 'Formations assignées : {count} retard(s)',
  'mail.digest.body': 'Voici les formations assignées pour lesquelles des personnes sont en retard aujourd’hui :',
  'mail.digest.line': '« {course} » (date limite : {date}) : {late} personne(s) en retard',
  'mail.digest.action': 'Voir les formations assignées',
  'mail.digest.optOut': 'Pour ne plus recevoir ce résumé : {link}',

  'mail.admin.title': 'E-mails',
  'mail.admin.notConfigured':
    'L’envoi d’e-mails n’est pas configuré (variable SMTP_URL absente) : les liens d’invitation et de réinitialisation sont affichés à l’administrateur, qui les transmet lui-même.',
  'mail.admin.configured': 'Les e-mails partent par le serveur d’envoi configuré, expéditeur : {from}.',
  'mail.admin.status.queued': 'En attente',
  'mail.admin.status.sending': 'En cours d’envoi',
  'mail.admin.status.sent': 'Envoyés',
  'mail.admin.status.failed': 'En échec',
  'mail.admin.filter': 'Afficher',
  'mail.admin.none': 'Aucun e-mail dans cette liste.',
  'mail.admin.caption': '{count} e-mail(s), page {page} sur {pages}',
  'mail.admin.column.createdAt': 'Créé le',
  'mail.admin.column.to': 'Destinataire',
  'mail.admin.column.subject': 'Objet',
  'mail.admin.column.attempts': 'Essais',
  'mail.admin.column.state': 'État',
  'mail.admin.column.action': 'Action',
  'mail.admin.sentAt': 'envoyé le {at}',
  'mail.admin.nextAttempt': 'prochain essai le {at}',
  'mail.admin.resend': 'Renvoyer',
  'mail.admin.resent': 'Le message est de nouveau en attente d’envoi.',
  'mail.admin.previous': 'Page précédente',
  'mail.admin.next': 'Page suivante',
  'mail.admin.notResendable': 'Seul un message en échec peut être renvoyé.',
  'mail.admin.link.sent':
    'Un e-mail contenant le lien a été mis en file d’envoi pour {email}. Vous pouvez suivre son envoi dans la page E-mails.',
  'mail.admin.link.seeEmails': 'Voir les e-mails',
  'mail.admin.imported.sent': 'Chaque personne reçoit son lien par e-mail ; suivez les envois dans la page E-mails.',
} as const;
