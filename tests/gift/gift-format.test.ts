import { parse as parseWithPegjs } from 'gift-pegjs';
import { describe, expect, it } from 'vitest';
import { parseGift } from '../../server/gift/parse-gift.ts';
import type { DocQuestion } from '../../server/gift/quiz-document.ts';
import { escapeGift, writeGift } from '../../server/gift/write-gift.ts';

const tricky = 'Coût ~ 10 € = {a: b} # \\ fin';

const question = (extra: Partial<DocQuestion>): DocQuestion => ({
  kind: 'single',
  prompt: `Question ${tricky} ?`,
  choices: [
    { text: `Bon ${tricky}`, correct: true, feedback: `Oui ${tricky}` },
    { text: 'Mauvais : non', correct: false, feedback: 'Ligne 1\nLigne 2' },
  ],
  answers: [],
  explanation: `Parce que ${tricky}`,
  line: 1,
  ...extra,
});

describe('GIFT special characters ~ = # { } : and the backslash', () => {
  it('are escaped with a backslash, and a line break is written \\n', () => {
    expect(escapeGift('a~b=c#d{e}f:g\\h\ni')).toBe('a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h\\ni');
  });

  it('come back unchanged through our reader and through an independent GIFT parser', () => {
    const gift = writeGift('Cours : « a/b »', [
      { moduleTitle: 'Module {1}', quiz: { title: '', questions: [question({})] } },
    ]);
    const ours = parseGift(gift);
    expect(ours.issues).toEqual([]);
    expect(ours.groups[0]!.category).toBe('Module {1}');
    const { line: _line, ...read } = ours.groups[0]!.questions[0]!;
    const { line: _l, ...written } = question({});
    expect(read).toEqual(written);
    const [category, mc] = parseWithPegjs(gift) as unknown as [
      { title: string },
      {
        stem: { text: string };
        globalFeedback: { text: string };
        choices: { text: { text: string }; feedback: { text: string } }[];
      },
    ];
    expect(category.title).toBe('$course$/top/Cours : « a//b »/Module {1}');
    expect(mc.stem.text).toBe(`Question ${tricky} ?`);
    expect(mc.choices[0]!.text.text).toBe(`Bon ${tricky}`);
    expect(mc.choices[0]!.feedback.text).toBe(`Oui ${tricky}`);
    expect(mc.globalFeedback.text).toBe(`Parce que ${tricky}`);
  });
});

describe('reading a GIFT file from Moodle', () => {
  it('reads the four kinds Passerelle has, with names, comments, formats and feedback', () => {
    const { groups, issues } = parseGift(
      [
        '// exporté de Moodle',
        '$CATEGORY: $course$/top/Défaut/Accueil',
        '',
        '::Q1::[html]<p>Où est l&#39;accueil ?</p>{',
        '=Au rez-de-chaussée#Oui',
        '~Au grenier#Non',
        '####<p>Au rez-de-chaussée.</p>',
        '}',
        '',
        '::Q2:: Le ciel est bleu. {TRUE#Regardez dehors.#Bien vu.}',
        '',
        'Quelles couleurs ? {~%50%Rouge ~%50%Vert ~%-100%Noir#Non}',
        '',
        'Capitale ? {=Paris =paris ####Paris, évidemment.}',
      ].join('\n'),
    );
    expect(issues).toEqual([]);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.category).toBe('Accueil');
    const [q1, q2, q3, q4] = groups[0]!.questions;
    expect(q1).toMatchObject({
      kind: 'single',
      prompt: "Où est l'accueil ?",
      explanation: 'Au rez-de-chaussée.',
      choices: [
        { text: 'Au rez-de-chaussée', correct: true, feedback: 'Oui' },
        { text: 'Au grenier', correct: false, feedback: 'Non' },
      ],
    });
    expect(q2).toMatchObject({
      kind: 'truefalse',
      line: 10,
      choices: [
        { text: 'Vrai', correct: true, feedback: 'Bien vu.' },
        { text: 'Faux', correct: false, feedback: 'Regardez dehors.' },
      ],
    });
    expect(q3!.kind).toBe('multiple');
    expect(q3!.choices.map((c) => c.correct)).toEqual([true, true, false]);
    expect(q4).toMatchObject({ kind: 'short', answers: ['Paris', 'paris'], explanation: 'Paris, évidemment.' });
  });

  it('says in French, with the line, what Passerelle cannot take, and keeps none of it', () => {
    const { groups, issues } = parseGift(
      [
        'Bonne question ? {=Oui ~Non}',
        '',
        'Racontez votre journée. {}',
        '',
        'Combien font 2 + 2 ? {#4}',
        '',
        'Associez. {',
        '=chat -> miaou',
        '=chien -> ouaf',
        '}',
        '',
        'Le {~bleu =rouge} du drapeau.',
        '',
        'Notes ? {~%50%A ~%25%B ~%25%C ~%-100%D}',
        '',
        'Ville ? {=Paris#Bien}',
        '',
        '[html]<p><b>Gras</b></p>{T}',
      ].join('\n'),
    );
    expect(groups.flatMap((g) => g.questions)).toHaveLength(1);
    expect(issues.map((i) => [i.line, i.message.split(' :')[0]])).toEqual([
      [3, 'question ouverte (« { } », réponse rédigée)'],
      [5, 'question numérique (« {#…} »)'],
      [8, 'question d’appariement (« -> »)'],
      [12, 'question à trou (du texte après les réponses)'],
      [14, 'réponses pondérées (crédit partiel)'],
      [16, 'retour propre à une réponse courte (« =réponse#retour »)'],
      [18, 'texte au format HTML avec mise en forme'],
    ]);
  });
});
