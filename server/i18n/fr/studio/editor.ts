/** The editor and its preview, and the pages that change a module or the draft. */
export const studioEditor = {
  'studio.editor.courseSheet': 'Fiche de la formation',
  'studio.editor.jobAid': 'Fiche à imprimer (fiche.md)',
  'studio.jobAid.templateTitle': 'Fiche à imprimer',
  'studio.editor.moduleHeading': 'Module « {title} »',
  'studio.editor.file': 'Fichier',
  'studio.editor.publishedShown': 'vous voyez la version publiée : l’enregistrement crée un brouillon',
  'studio.editor.guideLink': 'Guide de rédaction (nouvel onglet)',
  'studio.editor.fullPreview': 'Aperçu pleine page (texte enregistré)',
  'studio.editor.source': 'Texte (Markdown)',
  'studio.editor.sourceHint':
    'Chaque erreur indique son numéro de ligne. « Prévisualiser » montre le texte ci-dessous sans l’enregistrer.',
  'studio.editor.save': 'Enregistrer le brouillon',
  'studio.editor.preview': 'Prévisualiser',
  'studio.editor.insertImage': 'Insérer une image',
  'studio.editor.noImages': 'Aucune image dans la formation : {link} (enregistrez d’abord votre texte).',
  'studio.editor.addImageLink': 'ajoutez-en une',
  'studio.editor.image': 'Image',
  'studio.editor.alt': 'Description de l’image (texte alternatif, obligatoire)',
  'studio.editor.altHint':
    'Ce que l’image montre, pour les personnes qui ne la voient pas. Par exemple : « Deux collègues devant un ordinateur ».',
  'studio.editor.insertImageSubmit': 'Insérer l’image',
  'studio.editor.insertImageHint': 'Sans JavaScript, l’image est ajoutée à la fin du texte.',
  'studio.editor.saved': 'Brouillon enregistré.',
  'studio.editor.imageInserted':
    'Image insérée à la fin du texte. Déplacez la ligne si besoin, puis enregistrez le brouillon.',
  'studio.editor.previewed': 'Aperçu du texte ci-dessous, pas encore enregistré : pensez à enregistrer le brouillon.',

  'studio.issues.line': 'Ligne {line}',
  'studio.issues.fileLine': '{file}, ligne {line}',
  'studio.issues.inTextOne': 'Une erreur dans ce texte',
  'studio.issues.inTextMany': '{count} erreurs dans ce texte',
  'studio.issues.noneInText': 'Aucune erreur dans ce texte.',

  'studio.preview.heading': 'Aperçu',
  'studio.preview.otherIssuesOne': 'Une autre erreur dans la formation (à corriger avant de publier) :',
  'studio.preview.otherIssuesMany': '{count} autres erreurs dans la formation (à corriger avant de publier) :',
  'studio.preview.isolated': 'Ce module est affiché seul : les autres modules contiennent des erreurs.',
  'studio.preview.waiting': 'L’aperçu s’affichera quand les erreurs de ce texte seront corrigées.',
  'studio.preview.draftNotice': 'Aperçu du brouillon, tel que les apprenants le verront après publication.',
  'studio.preview.backToEditor': 'Revenir à l’éditeur',
  'studio.preview.versionNotice': 'Version {version} de la formation (archive).',
  'studio.preview.backToVersion': 'Revenir à cette version',

  'studio.rename.title': 'Renommer « {title} »',
  'studio.rename.crumb': 'Renommer un module',
  'studio.rename.slugLabel': 'Nom dans l’adresse',
  'studio.rename.slugHint':
    'Lettres minuscules sans accents, chiffres et tirets. Le fichier devient « {number}-nom.md ».',
  'studio.rename.publishedNotice':
    'Ce module est publié : si vous changez son nom dans l’adresse, les liens déjà partagés et la progression déjà enregistrée sur ce module ne le suivront pas après publication. Changer seulement le titre est sans conséquence.',
  'studio.rename.submit': 'Enregistrer',

  'studio.delete.title': 'Supprimer « {title} »',
  'studio.delete.heading': 'Supprimer « {title} » ?',
  'studio.delete.crumb': 'Supprimer un module',
  'studio.delete.explain':
    'Le fichier {file} sera retiré du brouillon. La version publiée ne change pas avant la prochaine publication, et les versions publiées restent dans l’historique.',
  'studio.delete.publishedNotice':
    'Ce module est publié : après la prochaine publication, il ne sera plus proposé aux apprenants. Leurs essais et attestations déjà obtenus sont conservés.',
  'studio.delete.submit': 'Supprimer le module',

  'studio.discard.title': 'Abandonner le brouillon',
  'studio.discard.heading': 'Abandonner le brouillon ?',
  'studio.discard.published':
    'Toutes les modifications non publiées seront perdues. La version publiée reste telle quelle.',
  'studio.discard.neverPublished':
    'Cette formation n’a jamais été publiée : abandonner son brouillon la supprime entièrement. Pensez à l’{link} pour en garder une copie.',
  'studio.discard.exportLink': 'exporter (zip)',

  'studio.refused.title': 'Action impossible',
} as const;
