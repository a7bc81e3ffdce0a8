/** What a funder checks: the course's practical information, the minimum time before the certificate. */
export const funder = {
  'funder.heading': 'Informations pratiques',
  'funder.prerequisites': 'Prérequis',
  'funder.modalities': 'Modalités',
  'funder.accessibility': 'Accessibilité et adaptations',
  'funder.contact': 'Assistance',
  'funder.updatedOn': 'Contenu mis à jour le',
  'funder.licence': 'Licence',
  'funder.minimumTime': 'Temps minimum avant l’attestation',
  'funder.remaining': 'Encore {duration} de lecture avant l’attestation.',
  'funder.remainingHint':
    'Le temps passé sur les modules est mesuré pendant que vous les lisez. Relisez les modules qui vous sont utiles : l’attestation sera délivrée dès que ce temps sera atteint.',
  'funder.certificate': 'Attestation',
  'funder.reached': 'Le temps minimum est atteint : votre attestation peut être délivrée.',
  'funder.claim': 'Obtenir mon attestation',
  'funder.meWaiting': 'attestation : encore {duration} de lecture',
  'funder.certificateReady': 'Votre attestation est prête.',
  'funder.seeCertificate': 'Voir mon attestation',
} as const;
