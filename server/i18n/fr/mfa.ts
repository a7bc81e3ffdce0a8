/** The second factor: authenticator codes (TOTP), recovery codes, remembered devices, admin reset. */
export const mfa = {
  'mfa.menu': 'Double authentification',
  'mfa.code.title': 'Code de vérification',
  'mfa.code.intro':
    'Ouvrez votre application d’authentification et saisissez le code à 6 chiffres affiché pour {appName}.',
  'mfa.code.label': 'Code à 6 chiffres, ou code de secours',
  'mfa.code.hint': 'Sans votre téléphone ? Saisissez l’un de vos codes de secours (de la forme abcde-fghjk).',
  'mfa.code.remember': 'Ne plus me demander de code sur cet appareil pendant 30 jours',
  'mfa.code.rememberHint': 'Seulement sur un appareil personnel, jamais sur un poste partagé.',
  'mfa.code.submit': 'Valider',
  'mfa.code.required': 'Saisissez le code affiché par votre application.',
  'mfa.code.invalid': 'Code incorrect, expiré ou déjà utilisé. Attendez le code suivant et réessayez.',
  'mfa.code.cancel': 'Annuler et revenir à la page de connexion',
  'mfa.challenge.expired': 'Cette étape de connexion a expiré. Reconnectez-vous.',
  'mfa.enrol.title': 'Activer la double authentification',
  'mfa.enrol.required':
    'Votre rôle donne accès aux données personnelles d’autres personnes : en plus du mot de passe, un code à usage unique est demandé à chaque connexion. Réglez-le maintenant, cela prend deux minutes.',
  'mfa.enrol.offered':
    'En plus de votre mot de passe, un code à usage unique sera demandé à chaque connexion : même si votre mot de passe est découvert, personne ne pourra se connecter sans votre téléphone.',
  'mfa.enrol.step1':
    'Installez une application d’authentification sur votre téléphone (par exemple FreeOTP, Aegis, Microsoft Authenticator ou Google Authenticator).',
  'mfa.enrol.step2': 'Dans l’application, ajoutez un compte en scannant ce QR code :',
  'mfa.enrol.qrLabel': 'QR code à scanner avec votre application d’authentification',
  'mfa.enrol.manual': 'Impossible de scanner ? Saisissez cette clé dans l’application (type « basé sur le temps ») :',
  'mfa.enrol.step3': 'Saisissez le code à 6 chiffres que l’application affiche maintenant.',
  'mfa.enrol.codeLabel': 'Code à 6 chiffres',
  'mfa.enrol.submit': 'Activer',
  'mfa.enrol.none': 'Aucune activation n’est en cours. Recommencez depuis la page « Double authentification ».',
  'mfa.recovery.title': 'Vos codes de secours',
  'mfa.recovery.intro':
    'La double authentification est activée. Si vous perdez votre téléphone, chacun de ces codes remplace une fois le code de l’application. Notez-les ou imprimez-les maintenant et rangez-les en lieu sûr : ils ne seront plus jamais affichés.',
  'mfa.recovery.listLabel': 'Codes de secours, chacun utilisable une seule fois',
  'mfa.recovery.continue': 'J’ai noté mes codes, continuer',
  'mfa.account.title': 'Double authentification',
  'mfa.account.on': 'Activée depuis le {date}.',
  'mfa.account.off': 'Non activée : seul votre mot de passe protège votre compte.',
  'mfa.account.remaining': 'Codes de secours restants : {count} sur 10.',
  'mfa.account.lost':
    'Téléphone perdu et plus de codes de secours ? Demandez à un administrateur de réinitialiser votre double authentification.',
  'mfa.account.start': 'Activer la double authentification',
  'mfa.account.restart': 'Changer de téléphone (nouvelle clé et nouveaux codes de secours)',
  'mfa.account.sso':
    'Vous vous connectez avec le compte de votre structure : la vérification en deux étapes dépend d’elle.',
  'mfa.admin.heading': 'Double authentification',
  'mfa.admin.on': 'Activée depuis le {date}.',
  'mfa.admin.off': 'Non activée.',
  'mfa.admin.reset': 'Réinitialiser la double authentification',
  'mfa.admin.resetHint':
    'Pour une personne qui a perdu son téléphone et ses codes de secours : elle devra en régler une nouvelle à sa prochaine connexion si son rôle l’exige. Les appareils mémorisés sont oubliés.',
  'mfa.admin.resetDone': 'La double authentification a été réinitialisée.',
} as const;
