/** Single sign-on with the organisation's identity provider (OpenID Connect). */
export const sso = {
  'sso.login.or': 'ou avec une adresse e-mail et un mot de passe',
  'sso.login.passwordDisabled':
    'La connexion se fait avec le compte de votre structure. Utilisez le bouton ci-dessus ; en cas de difficulté, contactez la personne qui administre Passerelle dans votre structure.',
  'sso.login.passwordRefused': 'La connexion par mot de passe est désactivée : utilisez le compte de votre structure.',
  'sso.error.title': 'Connexion impossible',
  'sso.error.unavailable':
    'Le service de connexion de votre structure ne répond pas pour le moment. Réessayez dans quelques minutes ; si cela dure, prévenez la personne qui administre Passerelle.',
  'sso.error.denied':
    'La connexion a été annulée ou refusée sur la page de votre structure. Vous pouvez recommencer quand vous le souhaitez.',
  'sso.error.expired':
    'Cette demande de connexion a expiré ou a déjà servi (par exemple après un retour en arrière ou dans un autre onglet). Recommencez la connexion.',
  'sso.error.rejected':
    'La réponse du service de connexion n’a pas pu être vérifiée, elle a donc été refusée. Recommencez la connexion ; si cela se reproduit, prévenez la personne qui administre Passerelle.',
  'sso.error.emailNotVerified':
    'Votre compte chez le service de connexion n’a pas d’adresse e-mail vérifiée : Passerelle ne peut pas vous reconnaître. Demandez à la personne qui administre les comptes de votre structure de vérifier votre adresse.',
  'sso.error.deactivated':
    'Votre compte Passerelle est désactivé. Adressez-vous à la personne qui administre Passerelle dans votre structure.',
  'sso.error.notConfigured': 'La connexion unique n’est pas configurée sur cette installation.',
  'sso.error.retry': 'Recommencer la connexion',
  'sso.error.back': 'Retour à la page de connexion',
} as const;
