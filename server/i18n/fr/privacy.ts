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
  'privacy.yes': 'oui',
  'privacy.no': 'non',
  'privacy.certificateStatus.valid': 'valide',
  'privacy.certificateStatus.revoked': 'retirée',
  'privacy.certificateStatus.replaced': 'remplacée',
  'privacy.audit.you': 'vous',
  'privacy.audit.system': 'Passerelle (tâche automatique ou ligne de commande)',
  'privacy.csv.account':
    'Nom;E-mail;Structure;Matricule;Rôle;Compte actif;Mot de passe défini;Double authentification depuis;Connexion unique;Créé le;Modifié le',
  'privacy.csv.enrollments':
    'Formation;Identifiant;Version;Commencée le;Dernière visite;Dernier module;Terminée le;Score final (%)',
  'privacy.csv.progress':
    'Formation;Module;Version;Première visite;Dernière visite;Temps passé (secondes);Lu le;Quiz réussi le;Meilleur score (%)',
  'privacy.csv.answers':
    'Date;Formation;Module;Version;Question;Énoncé;Réponse donnée;Bonne réponse;Score du quiz (%);Quiz réussi',
  'privacy.csv.certificates':
    'Code;Nom imprimé;Formation;Version;Terminée le;Score (%);Temps mesuré (minutes);Statut;Délivrée le',
  'privacy.csv.emails': 'Date;Type;Destinataire;Objet;État;Envoyé le;Texte (vidé après envoi)',
  'privacy.csv.audit': 'Date;Action;Par;Détails',
  'privacy.action.user.signed_in': 'Connexion',
  'privacy.action.user.sign_in_failed': 'Connexion refusée',
  'privacy.action.user.second_factor_passed': 'Double authentification réussie',
  'privacy.action.user.second_factor_failed': 'Double authentification refusée',
  'privacy.action.user.second_factor_enabled': 'Double authentification activée',
  'privacy.action.user.second_factor_replaced': 'Double authentification remplacée',
  'privacy.action.user.second_factor_reset': 'Double authentification réinitialisée',
  'privacy.action.user.password_changed': 'Mot de passe changé',
  'privacy.action.user.invited': 'Invitation',
  'privacy.action.users.imported': 'Import d’une liste de personnes',
  'privacy.action.user.created': 'Compte créé (connexion unique)',
  'privacy.action.user.identity_linked': 'Connexion unique liée',
  'privacy.action.user.reset_link': 'Lien de réinitialisation',
  'privacy.action.user.role_changed': 'Changement de rôle',
  'privacy.action.user.deactivated': 'Compte désactivé',
  'privacy.action.user.activated': 'Compte réactivé',
  'privacy.action.user.erased': 'Personne effacée',
  'privacy.action.privacy.data_exported': 'Téléchargement de « Mes données »',
  'privacy.action.privacy.retention_applied': 'Durées de conservation appliquées',
  'privacy.action.report.completions_exported': 'Export du suivi RH',
  'privacy.action.report.assignment_exported': 'Export d’une formation assignée',
  'privacy.action.report.statements_exported': 'Export xAPI',
  'privacy.action.audit.exported': 'Export du journal d’audit',
  'privacy.action.certificate.issued': 'Attestation délivrée',
  'privacy.action.certificate.revoked': 'Attestation retirée',
  'privacy.action.certificate.reissued': 'Attestation délivrée à nouveau',
  'privacy.action.email.resent': 'E-mail renvoyé',
  'privacy.action.assignment.created': 'Formation assignée',
  'privacy.action.assignment.withdrawn': 'Assignation retirée',
  'privacy.action.course.published': 'Formation publiée',
  'privacy.action.course.imported': 'Formation importée',
  'privacy.action.course.draft_discarded': 'Brouillon abandonné',
  'privacy.action.course.version_restored': 'Version restaurée',
  'privacy.export.readme':
    'Vos données personnelles gardées par Passerelle, exportées le {date} (heure UTC).\r\n\r\nmes-donnees.json : toutes vos données dans un seul fichier lisible.\r\nLes fichiers .csv s’ouvrent dans un tableur : compte.csv (votre compte), formations.csv (vos formations), progression.csv (les modules lus et le temps passé), reponses-aux-quiz.csv (chacune de vos réponses), attestations.csv, e-mails.csv (les e-mails qui vous ont été envoyés), journal-audit.csv (les actions vous concernant).\r\n\r\nNi votre mot de passe ni la clé de votre double authentification ne sont gardés en clair : ils ne figurent pas dans cet export.\r\n',
  'privacy.me.nav': 'Mes données',
  'privacy.me.title': 'Mes données',
  'privacy.me.intro':
    'Voici tout ce que Passerelle garde sur vous. Le téléchargement contient le détail complet : chaque réponse aux quiz, chaque e-mail, chaque action du journal d’audit qui vous concerne.',
  'privacy.me.policyLink': 'Pourquoi et combien de temps ces données sont gardées',
  'privacy.me.download': 'Télécharger mes données (zip)',
  'privacy.me.downloadHint':
    'Un fichier zip avec un fichier JSON lisible et des fichiers CSV qui s’ouvrent dans un tableur. Le téléchargement est noté dans le journal d’audit.',
  'privacy.me.accountHeading': 'Mon compte',
  'privacy.me.name': 'Nom',
  'privacy.me.password': 'Mot de passe',
  'privacy.me.passwordSet': 'défini (seule son empreinte est gardée)',
  'privacy.me.passwordNone': 'aucun',
  'privacy.me.secondFactor': 'Double authentification',
  'privacy.me.secondFactorOn': 'activée le {date}',
  'privacy.me.sessions': 'Sessions ouvertes',
  'privacy.me.learningHeading': 'Mon parcours',
  'privacy.me.count.enrollments': 'Formations commencées : {n}',
  'privacy.me.count.progress': 'Modules ouverts : {n}, pour {minutes} de temps mesuré',
  'privacy.me.count.attempts': 'Quiz envoyés : {n}, soit {answers} réponses gardées',
  'privacy.me.count.certificates': 'Attestations : {n}',
  'privacy.me.startedOn': 'commencée le {date}',
  'privacy.me.emailsHeading': 'E-mails envoyés',
  'privacy.me.emailsNone': 'Aucun e-mail ne vous a été envoyé.',
  'privacy.me.auditHeading': 'Journal d’audit',
  'privacy.me.auditNone': 'Aucune action vous concernant n’est notée.',
  'privacy.emailStatus.queued': 'en attente',
  'privacy.emailStatus.sending': 'en cours d’envoi',
  'privacy.emailStatus.sent': 'envoyé',
  'privacy.emailStatus.failed': 'en échec',
  'privacy.erased.name': 'Personne effacée',
  'privacy.erased.holder': 'données effacées',
  'privacy.erased.mark': '[effacé]',
  'privacy.erase.self':
    'Vous ne pouvez pas effacer votre propre compte : demandez-le à une autre personne qui administre Passerelle.',
  'privacy.erase.title': 'Effacer {name}',
  'privacy.erase.doneTitle': 'Personne effacée',
  'privacy.erase.done': 'Les données de cette personne ont été effacées le {date}.',
  'privacy.erase.doneKept':
    'Ses attestations restent vérifiables et gardent son nom pendant la durée légale de conservation.',
  'privacy.erase.doneCertificates':
    'Ses attestations restent vérifiables, sans son nom : « titulaire : données effacées ».',
  'privacy.erase.intro':
    'Vous allez effacer {name} ({email}) de Passerelle, à sa demande ou parce que ses données n’ont plus à être gardées. C’est définitif : rien ne permettra de retrouver qui était cette personne.',
  'privacy.erase.goesHeading': 'Ce qui est effacé',
  'privacy.erase.goes.account':
    'Son nom, son adresse e-mail, son matricule, son mot de passe, sa double authentification et ses sessions : elle ne peut plus se connecter.',
  'privacy.erase.goes.emails': 'Les e-mails qui lui ont été envoyés.',
  'privacy.erase.goes.traces':
    'Toute mention de son nom, de son e-mail ou de son matricule ailleurs (journal d’audit, réponses, brouillons du studio).',
  'privacy.erase.staysHeading': 'Ce qui reste, sans son nom',
  'privacy.erase.stays.statistics':
    'Ses réponses aux quiz et sa progression, devenues anonymes : les statistiques des quiz et les totaux du suivi RH ne changent pas.',
  'privacy.erase.stays.certificates':
    'Ses attestations ({n}) : leur code continue d’être vérifiable (formation, date, statut).',
  'privacy.erase.reason': 'Motif de l’effacement',
  'privacy.erase.reasonHint':
    'Noté dans le journal d’audit (le nom de la personne y est remplacé). Par exemple : demande de la personne du 3 mars.',
  'privacy.erase.reasonMissing': 'Indiquez le motif de l’effacement (3 caractères au moins).',
  'privacy.erase.reasonTooLong': 'Le motif ne doit pas dépasser 500 caractères.',
  'privacy.erase.keep': 'Garder le nom sur les attestations déjà délivrées, pour la durée légale',
  'privacy.erase.keepHint':
    'Le nom reste sur les attestations pendant {years} ans après leur délivrance, puis il est effacé à son tour. Sinon, la vérification affiche « titulaire : données effacées ».',
  'privacy.erase.keepHintForever':
    'Le nom reste sur les attestations sans limite de durée. Sinon, la vérification affiche « titulaire : données effacées ».',
  'privacy.erase.confirm': 'Je confirme l’effacement définitif de cette personne : {name}',
  'privacy.erase.confirmMissing': 'Cochez la case pour confirmer l’effacement.',
  'privacy.erase.submit': 'Effacer définitivement',
  'privacy.erase.link': 'Effacer cette personne…',
  'privacy.erase.heading': 'Données personnelles',
  'privacy.erase.hint':
    'Effacer la personne supprime son identité de Passerelle, à sa demande (droit à l’effacement) ou en fin de conservation.',
  'privacy.retention.reason': 'Compte désactivé depuis plus longtemps que la durée de conservation',
  'privacy.retention.cli.dryRun':
    'Simulation : voici ce que les durées de conservation supprimeraient maintenant (rien n’est modifié).',
  'privacy.retention.cli.done': 'Durées de conservation appliquées : voici ce qui a été supprimé.',
  'privacy.retention.cli.total': 'Total : {n} donnée(s).',
  'privacy.retention.kind.account': 'Comptes désactivés à effacer',
  'privacy.retention.kind.answers': 'Réponses aux quiz',
  'privacy.retention.kind.audit': 'Entrées du journal d’audit',
  'privacy.retention.kind.email': 'E-mails envoyés ou en échec',
  'privacy.retention.kind.certificateName': 'Noms sur des attestations conservées',
} as const;
