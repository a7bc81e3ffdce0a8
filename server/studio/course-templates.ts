import { stringify } from 'yaml';

// Starting points a trainer edits: valid as they are, so the first preview shows a page, not errors.

const frontMatter = (fields: Record<string, unknown>) => `---\n${stringify(fields, { lineWidth: 0 })}---\n`;

export function courseTemplate(input: { title: string; author: string; structure?: string }): string {
  return `${frontMatter({
    titre: input.title,
    ...(input.structure ? { structure: input.structure } : {}),
    resume: 'Une ou deux phrases qui présentent la formation dans le catalogue.',
    public: 'Salariés et bénévoles de la structure',
    objectifs: ['Premier objectif de la formation'],
    duree: '30 min',
    auteurs: [input.author],
  })}
Texte de présentation de la formation (facultatif).
`;
}

export function moduleTemplate(input: { title: string }): string {
  return `${frontMatter({
    titre: input.title,
    objectifs: ['Ce que la personne saura faire après ce module'],
    duree: '10 min',
  })}
## En bref

Écrivez ici le texte du module.

## Quiz

1. Écrivez votre question ?
   - (x) La bonne réponse
     > Le retour affiché après ce choix.
   - ( ) Une autre réponse
     > Pourquoi ce n'est pas la bonne réponse.
   Explication : l'explication générale de la question.
`;
}

/** A job aid (`fiche.md`) to print on one A4 page: a few lines and a table to fill in, to start from. */
export function jobAidTemplate(input: { title: string }): string {
  return `${frontMatter({ titre: input.title })}
*À imprimer sur une page et à garder près du poste d'accueil.*

**Avant de commencer :**

1. Une première étape.
2. Une deuxième étape.

| Situation | Que faire | Qui contacter |
|---|---|---|
| Exemple | | |
| | | |
`;
}
