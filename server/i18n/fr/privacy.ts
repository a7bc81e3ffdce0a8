/** Personal data: the privacy page, « Mes données », erasure, retention and the audit trail viewer. */
export const privacy = {
  'nav.privacy': 'Confidentialité',
  'privacy.login.link': 'Comment vos données personnelles sont utilisées',
  'privacy.policy.title': 'Données personnelles et confidentialité',
  'privacy.policy.intro':
    'Cette page dit quelles données personnelles {org} garde dans Passerelle, pourquoi, combien de temps et qui peut les voir. Elle est construite à partir des réglages réellement appliqués par cette installation.',
  'privacy.policy.controllerHeading': 'Responsable du traitement',
  'privacy.policy.controller':
    '{org}, votre employeur, est responsable du traitement. Pour toute question ou pour exercer vos droits, contactez :',
  'privacy.policy.collectedHeading': 'Données gardées et finalités',
  'privacy.policy.collected.identity':
    'Identité professionnelle : nom, adresse e-mail, structure, matricule RH s’il est renseigné, rôle. Pour vous donner accès aux formations et relier votre parcours à votre poste.',
  'privacy.policy.collected.security':
    'Sécurité du compte : empreinte du mot de passe (jamais le mot de passe lui-même), double authentification si elle est activée, sessions en cours, et pour les comptes RH et administrateurs la date et l’adresse réseau de chaque connexion. Pour protéger les comptes et détecter les abus.',
  'privacy.policy.collected.learning':
    'Parcours de formation : formations commencées et terminées, modules lus, temps passé, chaque réponse aux quiz avec son score. Pour reprendre où vous en étiez, vous montrer vos résultats et améliorer les quiz (statistiques sans nom).',
  'privacy.policy.collected.certificates':
    'Attestations : formation, date, score de l’évaluation finale, code de vérification. Pour prouver la formation suivie, y compris auprès d’un tiers qui vérifie l’attestation.',
  'privacy.policy.collected.emails':
    'E-mails envoyés : invitations, liens de mot de passe, attestations, rappels. Pour savoir ce qui vous a été envoyé et si l’envoi a réussi.',
  'privacy.policy.collected.audit':
    'Journal d’audit : qui a fait quoi et quand (exports, changements de rôle, retraits d’attestations, effacements, connexions des comptes RH et administrateurs). Pour rendre compte des accès aux données.',
  'privacy.policy.basisHeading': 'Base légale',
  'privacy.policy.basis':
    'La formation des salariés est une obligation de l’employeur (articles L. 6321-1 et suivants du Code du travail) et fait partie de l’exécution du contrat de travail. La sécurité des comptes et le journal d’audit reposent sur l’intérêt légitime de {org} à protéger les données qu’il garde.',
  'privacy.policy.retentionHeading': 'Durées de conservation',
  'privacy.policy.retentionIntro':
    'Ces durées sont appliquées chaque jour par une tâche automatique. Ce qui dépasse sa durée est supprimé.',
  'privacy.policy.retention.caption': 'Durées de conservation appliquées',
  'privacy.policy.retention.what': 'Données',
  'privacy.policy.retention.how': 'Durée',
  'privacy.policy.retention.accounts': 'Comptes désactivés (effacés)',
  'privacy.policy.retention.answers': 'Réponses aux quiz',
  'privacy.policy.retention.audit': 'Journal d’audit',
  'privacy.policy.retention.emails': 'E-mails envoyés ou en échec',
  'privacy.policy.retention.certificates': 'Nom sur les attestations conservées après un effacement',
  'privacy.policy.retention.sessions': 'Sessions',
  'privacy.policy.retention.sessionsValue': '{hours} heures au plus',
  'privacy.policy.retention.never': 'sans limite (jamais supprimé automatiquement)',
  'privacy.policy.retention.months': '{n} mois',
  'privacy.policy.retention.days': '{n} jours',
  'privacy.policy.retention.years': '{n} ans à compter de la délivrance',
  'privacy.policy.rolesHeading': 'Qui voit quoi',
  'privacy.policy.roles.learner': 'voit uniquement son propre parcours, ses réponses et ses attestations.',
  'privacy.policy.roles.trainer': 'rédige les formations et voit les statistiques des quiz, sans le nom des personnes.',
  'privacy.policy.roles.hr':
    'voit le suivi des formations de chaque personne (nom, structure, matricule, temps, résultats), les exporte et gère les attestations.',
  'privacy.policy.roles.admin':
    'gère les comptes et les rôles, voit les e-mails envoyés et le journal d’audit, et peut effacer une personne.',
  'privacy.policy.roles.public':
    'Une personne qui a le code d’une attestation valide voit le nom, la formation, la date et le résultat ; rien d’autre n’est public.',
  'privacy.policy.cookiesHeading': 'Cookies',
  'privacy.policy.cookies':
    'Passerelle n’utilise aucun cookie de mesure d’audience ni de publicité, et n’appelle aucun service tiers : aucun bandeau de consentement n’est donc nécessaire. Le seul cookie qui vous suit est le cookie de session, qui vous garde connecté·e et disparaît à la déconnexion. Pendant la connexion, des cookies techniques protègent le formulaire et la double authentification, et si vous le choisissez un cookie évite de redemander le code sur cet appareil pendant 30 jours.',
  'privacy.policy.rightsHeading': 'Vos droits',
  'privacy.policy.rights':
    'Vous pouvez consulter et télécharger toutes vos données depuis « Mes données » une fois connecté·e. Pour les faire corriger ou effacer, ou pour vous opposer à un traitement, écrivez au contact ci-dessus. Vous pouvez aussi adresser une réclamation à la CNIL (www.cnil.fr).',
  'privacy.policy.myData': 'Voir mes données',
} as const;
