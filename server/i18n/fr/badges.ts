/** Open Badges: the signed credential of a certificate, its files and the fields it carries. */
export const badges = {
  'badges.achievement.description': 'Formation « {title} », durée déclarée : {duration}.',
  'badges.achievement.objectives': 'Objectifs : {objectives}.',
  'badges.achievement.criteria':
    'Suivre tous les modules de la formation « {title} » (version {version}, durée déclarée : {duration}), réussir le quiz de chaque module qui en comporte un et l’évaluation finale avec au moins {passMark} % de bonnes réponses.',
  'badges.achievement.resultName': 'Score à l’évaluation finale (en %)',
  'badges.credential.name': 'Attestation de fin de formation — {title}',
  'badges.credential.description': 'Attestation délivrée par {issuer} pour la formation « {title} ».',
  'badges.unavailable': 'Cette attestation n’est plus valide : son badge numérique n’est plus délivré.',
  'badges.page.heading': 'Badge numérique signé (Open Badges 3.0)',
  'badges.page.hint':
    'La même attestation, signée électroniquement, que d’autres plateformes et portefeuilles numériques savent vérifier.',
  'badges.page.downloadJwt': 'Télécharger le badge signé (.jwt)',
  'badges.page.downloadJson': 'Télécharger son contenu lisible (.json)',
  'badges.fields.achievement': 'Réussite',
  'badges.fields.criteria': 'Critères',
  'badges.fields.duration': 'Durée déclarée',
  'badges.fields.version': 'Version de la formation',
  'badges.fields.language': 'Langue',
  'badges.fields.french': 'français',
  'badges.fields.issuer': 'Émetteur',
  'badges.fields.validFrom': 'Valide depuis le',
  'badges.fields.status': 'Statut du badge',
  'badges.fields.statusValid': 'valide',
  'badges.fields.statusRevoked': 'révoqué',
} as const;
