/** Checking and rendering course files (the course engine), as trainers read it in the studio. */
export const courseCheck = {
  'courseCheck.tooSlow':
    'Ce cours est trop long à analyser (plus de {seconds} s). Raccourcissez ses textes ou découpez-les en plusieurs modules.',
  'courseCheck.tooSlowFile':
    'Ce cours est trop long à analyser (plus de {seconds} s) : le fichier « {file} » en est la cause probable. Raccourcissez-le ou découpez-le en plusieurs modules.',
} as const;
