/**
 * The studio's refusals. They start in lowercase: they follow « Ligne 3 — » in the editor, and pages
 * capitalise them when they stand alone.
 */
export const studioRefusals = {
  'studio.refused.courseSlugTaken': 'cette adresse est déjà utilisée par une autre formation.',
  'studio.refused.moduleSlugTaken': 'un module s’appelle déjà « {slug} » dans cette formation.',
  'studio.refused.tooManyModules': 'une formation a au plus {max} modules.',
  'studio.refused.lastModule': 'une formation garde au moins un module.',
  'studio.refused.outsideScope':
    'publication refusée : cette formation appartient à la structure « {structure} », où vous n’avez pas le rôle de formateur·rice.',
  'studio.refused.importOutsideScope':
    'import refusé : cette formation appartient à la structure « {structure} », où vous n’avez pas le rôle de formateur·rice. Changez le champ « structure » de course.md.',
  'studio.refused.saveOutsideScope':
    'enregistrement refusé : la structure « {structure} » n’est pas dans votre périmètre ; gardez une structure où vous avez le rôle de formateur·rice.',
  'studio.refused.nothingToPublish': 'rien à publier : aucune modification depuis la dernière publication.',
  'studio.refused.invalidOne': 'la formation contient 1 erreur : corrigez-la avant de publier.',
  'studio.refused.invalidMany': 'la formation contient {count} erreurs : corrigez-les avant de publier.',
  'studio.refused.previewHasErrors': 'ce module contient des erreurs : corrigez-les pour voir l’aperçu.',
  'studio.refused.frontMatterUnreadable':
    'l’en-tête (entre les lignes « --- ») est absent ou illisible : corrigez-le d’abord dans l’éditeur.',
  'studio.refused.textTooLong': 'texte trop long ({kb} Ko, au plus {max} Ko) : découpez-le en plusieurs modules.',
  'studio.refused.draftExists':
    'la formation « {slug} » a déjà un brouillon : cochez « Remplacer le brouillon existant » pour l’écraser.',

  'studio.upload.unreadable': 'le formulaire envoyé est illisible.',
  'studio.upload.interrupted': 'l’envoi a été interrompu ou le formulaire est illisible ; réessayez.',
  'studio.upload.noImage': 'choisissez une image à envoyer.',
  'studio.upload.imageTooLarge':
    'image trop lourde : {mb} Mo au plus. Réduisez-la (par exemple en l’enregistrant en JPEG) puis réessayez.',
  'studio.upload.badFormat': 'format non accepté (« {extension} ») : envoyez une image {formats}.',
  'studio.upload.noExtension': 'format non accepté (« sans extension ») : envoyez une image {formats}.',
  'studio.upload.empty': 'le fichier envoyé est vide.',
  'studio.upload.badContent':
    'le contenu du fichier ne correspond pas à une image {extension} : il est peut-être abîmé ou d’un autre type.',

  'studio.zip.noArchive': 'choisissez une archive .zip à importer.',
  'studio.zip.fileTooLarge': 'archive refusée : le fichier dépasse {mb} Mo.',
  'studio.zip.badSlug':
    'archive refusée : « {slug} » ne peut pas être l’adresse d’une formation (minuscules sans accents, chiffres et tirets).',
  'studio.zip.badType':
    'archive refusée : « {file} » n’est pas d’un type accepté (Markdown, images {formats}, pièces jointes).',
  'studio.zip.badImage': 'archive refusée : « {file} » n’est pas une image {extension} valide.',
  'studio.zip.invalidCourse': 'archive refusée : la formation contient {count} erreur(s). Corrigez-les puis réessayez.',
  'studio.zip.noCourse':
    'archive refusée : « course.md » introuvable. L’archive doit contenir le dossier d’une formation (course.md et ses modules), à la racine ou dans un seul dossier.',
  'studio.zip.parentPath': 'archive refusée : un chemin contient « .. » (il sortirait du dossier du cours).',
  'studio.zip.absolutePath': 'archive refusée : un chemin est absolu (il commence par « / » ou une lettre de lecteur).',
  'studio.zip.invisibleCharacter':
    'archive refusée : un nom de fichier contient un caractère invisible ou qui inverse le sens du texte ; renommez-le.',
  'studio.zip.backslash': 'archive refusée : un chemin contient une barre oblique inverse « \\ ».',
  'studio.zip.sizeMismatch':
    'archive refusée : la taille réelle d’un fichier ne correspond pas à celle annoncée (archive abîmée ou piégée).',
  'studio.zip.encrypted': 'archive refusée : l’archive est protégée par un mot de passe.',
  'studio.zip.unreadable': 'archive refusée : ce fichier n’est pas une archive zip lisible.',
  'studio.zip.tooManyFiles': 'archive refusée : trop de fichiers ({count}, au plus {max}).',
  'studio.zip.absoluteEntry': 'archive refusée : chemin absolu interdit (« {name} »).',
  'studio.zip.forbiddenPath': 'archive refusée : chemin interdit (« {name} »).',
  'studio.zip.tooDeep': 'archive refusée : dossiers trop imbriqués (« {name} »).',
  'studio.zip.symlink':
    'archive refusée : « {name} » est un lien symbolique ; seuls les fichiers et dossiers sont acceptés.',
  'studio.zip.special': 'archive refusée : « {name} » n’est pas un fichier ordinaire.',
  'studio.zip.entryTooLarge': 'archive refusée : « {name} » est trop gros (au plus {max} par fichier).',
  'studio.zip.totalTooLarge': 'archive refusée : le contenu décompressé dépasse {max}.',
  'studio.zip.duplicate': 'archive refusée : « {name} » figure deux fois dans l’archive.',
  'studio.zip.entryBomb': 'archive refusée : « {name} » est trop gros une fois décompressé (archive piégée ?).',
  'studio.zip.totalBomb': 'archive refusée : le contenu décompressé dépasse {max} (archive piégée ?).',
} as const;
