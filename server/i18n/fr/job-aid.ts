/** A course's printable job aid (« fiche à imprimer »): its page, its PDF and the links to them. */
export const jobAid = {
  'jobAid.heading': 'À imprimer pour l’accueil',
  'jobAid.intro': 'La formation se termine par une fiche d’une page à imprimer et à garder près de vous.',
  'jobAid.open': 'Fiche à imprimer : {title}',
  'jobAid.pdf': 'Télécharger la fiche en PDF (A4, une page)',
  'jobAid.howToPrint':
    'Pour l’imprimer, utilisez la commande « Imprimer » de votre navigateur (Ctrl + P) : la page s’imprime seule, sans les menus, sur une feuille A4. Ou téléchargez la version PDF.',
  'jobAid.backToCourse': 'Retour à la formation « {title} »',
  'jobAid.footer': '{course} — version {version} — {app}',
  'jobAid.tooLong':
    'la fiche prend {pages} pages une fois mise en page : elle doit tenir sur une seule page A4. Raccourcissez-la (moins de lignes de tableau, des phrases plus courtes).',
} as const;
