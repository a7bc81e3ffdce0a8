/** Sign-in, setup, invitations, password links, account pages, the header's links by role. */
export const accounts = {
  'accounts.nav.journey': 'Mon parcours',
  'accounts.nav.studio': 'Studio',
  'accounts.nav.hr': 'Suivi RH',
  'accounts.nav.users': 'Utilisateurs',
  'accounts.menu.changePassword': 'Changer mon mot de passe',
  'accounts.menu.signOutEverywhere': 'Se déconnecter partout',
  'accounts.menu.signOut': 'Se déconnecter',

  'accounts.login.title': 'Se connecter',
  'accounts.login.email': 'Adresse e-mail',
  'accounts.login.password': 'Mot de passe',
  'accounts.login.submit': 'Se connecter',
  'accounts.login.forgotten':
    'Mot de passe oublié ? Demandez un lien de réinitialisation à la personne qui administre Passerelle dans votre structure.',
  'accounts.login.emailRequired': 'Indiquez votre adresse e-mail.',
  'accounts.login.passwordRequired': 'Indiquez votre mot de passe.',
  'accounts.login.failed': 'Adresse e-mail ou mot de passe incorrect.',
  'accounts.login.tooManyFromClient': 'Trop de tentatives depuis cette connexion. Patientez 15 minutes puis réessayez.',
  'accounts.login.tooManyForAccount':
    'Trop d’essais pour ce compte depuis cette connexion. Patientez {wait} puis réessayez.',
  'accounts.login.waitSecond': '1 seconde',
  'accounts.login.waitSeconds': '{count} secondes',
  'accounts.login.waitMinute': '1 minute',
  'accounts.login.waitMinutes': '{count} minutes',

  'accounts.identity.name': 'Nom et prénom (tels qu’ils apparaîtront sur les attestations)',
  'accounts.identity.email': 'Adresse e-mail',
  'accounts.identity.structure': 'Structure (établissement ou service)',
  'accounts.user.nameRequired': 'Indiquez le nom tel qu’il apparaîtra sur les attestations.',
  'accounts.user.nameTooLong': 'Nom trop long (120 caractères au plus).',
  'accounts.user.emailTooLong': 'Adresse e-mail trop longue.',
  'accounts.user.emailInvalid': 'Adresse e-mail invalide.',
  'accounts.user.structureRequired': 'Indiquez la structure (établissement ou service).',
  'accounts.user.structureTooLong': 'Structure trop longue (120 caractères au plus).',
  'accounts.user.matriculeTooLong': 'Matricule trop long (40 caractères au plus).',

  'accounts.password.label': 'Mot de passe',
  'accounts.password.hint':
    'Au moins 12 caractères. Une phrase de plusieurs mots est facile à retenir et difficile à deviner.',
  'accounts.password.confirm': 'Confirmez le mot de passe',
  'accounts.password.mismatch': 'Les deux mots de passe ne sont pas identiques.',
  'accounts.password.account': 'Compte :',
  'accounts.password.save': 'Enregistrer le mot de passe',
  'accounts.password.tooShort': 'Le mot de passe doit contenir au moins {min} caractères.',
  'accounts.password.tooLong': 'Le mot de passe est trop long ({max} caractères au plus).',
  'accounts.password.tooCommon':
    'Ce mot de passe est trop courant ou trop simple. Choisissez-en un autre, par exemple une phrase de plusieurs mots.',
  'accounts.password.personal': 'Le mot de passe ne doit pas contenir votre nom ou votre adresse e-mail.',

  'accounts.setup.title': 'Créer le compte administrateur',
  'accounts.setup.intro':
    'Première mise en route : créez le compte qui administrera Passerelle (invitations, rôles, attestations).',
  'accounts.setup.submit': 'Créer le compte',
  'accounts.setup.emailTaken': 'Cette adresse est déjà utilisée.',
  'accounts.invitation.title': 'Bienvenue : choisissez votre mot de passe',
  'accounts.reset.title': 'Choisissez un nouveau mot de passe',
  'accounts.changePassword.title': 'Changer mon mot de passe',
  'accounts.changePassword.intro':
    'Vos autres sessions (sur un autre appareil ou un autre navigateur) seront fermées ; celle-ci reste ouverte.',
  'accounts.changePassword.current': 'Mot de passe actuel',
  'accounts.changePassword.new': 'Nouveau mot de passe',
  'accounts.changePassword.confirm': 'Confirmez le nouveau mot de passe',
  'accounts.changePassword.submit': 'Changer le mot de passe',
  'accounts.changePassword.currentRequired': 'Indiquez votre mot de passe actuel.',
  'accounts.changePassword.wrongCurrent': 'Le mot de passe actuel est incorrect.',
  'accounts.changePassword.done': 'Votre mot de passe a été changé. Vos autres sessions ont été fermées.',
  'accounts.signOutEverywhere.title': 'Se déconnecter partout',
  'accounts.signOutEverywhere.intro':
    'Ferme toutes vos sessions : sur cet appareil et sur tous les autres (téléphone, ordinateur partagé). Utile si vous avez oublié de vous déconnecter ailleurs. Vous devrez vous reconnecter.',
  'accounts.signOutEverywhere.submit': 'Fermer toutes mes sessions',
} as const;
