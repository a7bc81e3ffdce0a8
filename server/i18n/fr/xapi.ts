/** xAPI: the export of a course's learning statements for a learning record store. */
export const xapi = {
  'xapi.export.fileName': 'declarations-xapi',
  'xapi.export.unknownCourse':
    'Choisissez une formation publiée (filtre « Formation ») avant d’exporter ses déclarations xAPI.',
  'xapi.export.heading': 'Déclarations xAPI de cette formation',
  'xapi.export.intro':
    'Pour un entrepôt de traces d’apprentissage (LRS) : modules consultés, réponses, quiz réussis ou échoués, formation terminée.',
  'xapi.export.json': 'Télécharger en JSON (tableau de déclarations)',
  'xapi.export.jsonl': 'Télécharger en JSON Lines (une déclaration par ligne)',
} as const;
