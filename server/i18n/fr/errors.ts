/** Error pages. */
export const errors = {
  'error.404.title': 'Page introuvable',
  'error.404.body':
    'Cette page n’existe pas ou n’est plus disponible. Vérifiez l’adresse, ou revenez à la liste des formations.',
  'error.403.title': 'Accès refusé',
  'error.403.body': 'Vous n’avez pas accès à cette page.',
  'error.csrf.body':
    'Le formulaire a expiré ou n’a pas pu être vérifié. Revenez à la page précédente, rechargez-la et réessayez.',
  'error.400.title': 'Demande illisible',
  'error.400.body':
    'Cette demande n’a pas pu être lue (adresse ou formulaire mal formé). Revenez à la page précédente et réessayez.',
  'error.fields.body': 'Ce formulaire contient trop de champs pour être lu. Revenez à la page précédente et réessayez.',
  'error.409.title': 'Action impossible pour le moment',
  'error.409.body': 'Cette action n’est pas possible dans l’état actuel. Revenez à la page précédente.',
  'error.413.title': 'Envoi trop volumineux',
  'error.413.body': 'Ce que vous avez envoyé dépasse la taille autorisée. Réduisez-le puis réessayez.',
  'error.415.title': 'Format non pris en charge',
  'error.415.body': 'Ce format d’envoi n’est pas pris en charge. Envoyez le formulaire depuis la page prévue.',
  'error.422.title': 'Contenu refusé',
  'error.422.body': 'Ce contenu n’a pas pu être accepté. Corrigez-le puis réessayez.',
  'error.429.title': 'Trop de demandes',
  'error.429.body': 'Vous avez fait trop de demandes en peu de temps. Patientez une minute puis réessayez.',
  'error.500.title': 'Une erreur est survenue',
  'error.500.body':
    'Le serveur n’a pas pu traiter votre demande. Réessayez dans quelques instants. Si le problème continue, prévenez la personne qui administre Passerelle.',
  'error.503.title': 'Service momentanément indisponible',
  'error.503.body':
    'Votre action n’a pas pu être enregistrée. Rien n’a été perdu de ce qui était déjà enregistré. Réessayez dans quelques instants.',
  'error.back': 'Revenir à la liste des formations',
} as const;
