/** Words shared by every page: the application, navigation, footer. */
export const common = {
  'app.name': 'Passerelle',
  'app.tagline': 'Formations courtes pour les équipes de l’ESS',
  'nav.skip': 'Aller au contenu',
  'nav.main': 'Navigation principale',
  'nav.catalog': 'Formations',
  'nav.accessibility': 'Accessibilité',
  'footer.text': 'Passerelle — formations pour les structures de l’économie sociale et solidaire',
} as const;
