/** Moodle exchange: a course's quizzes to GIFT, and GIFT questions into a draft. */
export const studioGift = {
  'studio.gift.exportDraft': 'Exporter les quiz du brouillon pour Moodle (GIFT)',
  'studio.gift.exportPublished': 'Exporter les quiz de la version publiée pour Moodle (GIFT)',
  'studio.gift.importLink': 'Importer des questions Moodle (GIFT)',
  'studio.gift.importTitle': 'Importer des questions Moodle (GIFT)',
  'studio.gift.introHtml':
    'Un fichier GIFT exporté de Moodle (<code>.gift</code> ou <code>.txt</code>) devient un nouveau module du brouillon, avec sa partie « ## Quiz ». Chaque catégorie (<code>$CATEGORY</code>) du fichier devient un module.',
  'studio.gift.kinds':
    'Types repris : choix unique, choix multiples (poids égaux), vrai/faux, réponse courte, avec les retours et l’explication générale (####).',
  'studio.gift.refusedKinds':
    'Refusés, avec la ligne : questions ouvertes, numériques, d’appariement, à trou, crédit partiel, HTML mis en forme. Rien n’est importé tant qu’il en reste.',
  'studio.gift.moduleTitle': 'Titre du module (pour les questions sans catégorie)',
  'studio.gift.defaultTitle': 'Quiz importé de Moodle',
  'studio.gift.file': 'Fichier GIFT',
  'studio.gift.submit': 'Importer les questions',
  'studio.gift.failed': 'Import refusé',
  'studio.gift.nothingChanged': 'Le brouillon n’a pas changé.',
  'studio.gift.issues':
    'Le fichier GIFT contient ce que Passerelle ne sait pas reprendre : corrigez ces lignes dans le fichier, puis importez-le de nouveau.',
  'studio.gift.noQuestion': 'Le fichier ne contient aucune question.',
  'studio.gift.noFile': 'Choisissez un fichier GIFT.',
  'studio.gift.tooLarge': 'Fichier trop lourd : {kb} Ko au plus.',
  'studio.gift.notText':
    'Ce fichier n’est pas du texte UTF-8 : enregistrez-le en UTF-8 depuis Moodle ou un éditeur de texte.',
  'studio.gift.noQuiz': 'Ce cours n’a encore aucun quiz à exporter.',
  'studio.gift.sourceIssues': 'Des lignes de quiz ne peuvent pas être lues : corrigez-les avant d’exporter.',
  'studio.gift.imported':
    'Questions Moodle importées dans de nouveaux modules du brouillon : relisez-les dans l’aperçu.',
  'studio.gift.intro': 'Questions importées de Moodle (format GIFT).',
} as const;
