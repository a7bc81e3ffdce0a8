import type { z } from 'zod';

/** The expected types of front-matter fields, as a trainer would say them. */
const typeNames: Readonly<Record<string, string>> = {
  string: 'un texte',
  number: 'un nombre',
  int: 'un nombre entier',
  boolean: 'true ou false',
  array: 'une liste (une ligne « - … » par élément)',
  object: 'un groupe de champs (lignes indentées en dessous)',
};

/** Turns a zod issue on front matter into a French sentence that says how to fix it. */
export function describeZodIssue(issue: z.core.$ZodIssue, knownKeys: readonly string[], missing: boolean): string {
  const field = issue.path.map(String).join('.');
  const name = field ? `« ${field} »` : 'l’en-tête';
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys
        .map((key) => {
          const guess = closest(key, knownKeys);
          return `champ inconnu « ${key} »${guess ? ` : vouliez-vous écrire « ${guess} » ?` : '.'} Champs possibles : ${knownKeys.join(', ')}.`;
        })
        .join(' ');
    case 'invalid_type':
      if (missing && issue.path.length > 1) {
        const group = String(issue.path.at(-2));
        const indent = '  '.repeat(issue.path.length - 1);
        return `champ ${name} obligatoire manquant. Sous la ligne « ${group}: », ajoutez la ligne « ${indent}${String(issue.path.at(-1))}: … » (${indent.length} espaces au début, comme les autres champs de « ${group} »).`;
      }
      if (missing) return `champ ${name} obligatoire manquant. Ajoutez une ligne « ${field}: … ».`;
      if (issue.expected === 'object' && knownKeys.length > 0) {
        const lines = knownKeys.map((key) => `«   ${key}: … »`).join(', ');
        return `${name} doit être un groupe de champs : écrivez « ${String(issue.path.at(-1))}: » seul sur sa ligne, puis, en dessous, une ligne par champ en retrait de deux espaces : ${lines}.`;
      }
      return `${name} doit être ${typeNames[issue.expected] ?? issue.expected}.`;
    case 'too_small':
      if (issue.origin === 'array') return `${name} doit contenir au moins ${issue.minimum} élément(s).`;
      if (issue.origin === 'string') return `${name} ne doit pas être vide.`;
      return `${name} doit valoir au moins ${issue.minimum}.`;
    case 'too_big':
      if (issue.origin === 'array') return `${name} contient trop d’éléments (au plus ${issue.maximum}).`;
      if (issue.origin === 'string') return `${name} est trop long (au plus ${issue.maximum} caractères).`;
      return `${name} doit valoir au plus ${issue.maximum}.`;
    case 'invalid_union':
      return `${name} a une valeur illisible.`;
    case 'custom':
      return `${name} : ${issue.message}`;
    default:
      return `${name} : valeur invalide.`;
  }
}

/** The known key nearest to a typo, when it is near enough to be a plausible intent. */
function closest(input: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = input.length >= 6 ? 4 : 3;
  for (const candidate of candidates) {
    const d = levenshtein(input.toLowerCase(), candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
