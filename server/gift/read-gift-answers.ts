import { findUnescaped, unescapeGift } from './gift-text.ts';
import type { DocChoice, DocQuestion } from './quiz-document.ts';

type Fail = (index: number, message: string) => undefined;
type Answers = Pick<DocQuestion, 'kind' | 'choices' | 'answers' | 'explanation'>;

interface Item {
  mark: '=' | '~';
  index: number;
  weight: number | undefined;
  text: string;
  feedback: string;
}

const partialCredit =
  'réponses pondérées (crédit partiel) : Passerelle compte une question juste ou fausse. Gardez une bonne réponse « = », ou des poids égaux pour les bonnes réponses multiples et négatifs pour les autres.';

/** Every `=` or `~` that starts an answer, with its weight `%n%`, its text and its `#feedback`. */
function itemsOf(body: string, fail: Fail): Item[] | undefined {
  const starts: number[] = [];
  for (let i = findFirstMark(body, 0); i !== -1; i = findFirstMark(body, i + 1)) starts.push(i);
  const before = body.slice(0, starts[0] ?? body.length).trim();
  if (before !== '' || starts.length === 0)
    return fail(
      0,
      `réponses illisibles « ${before.slice(0, 40)} » : chaque réponse commence par « = » (bonne) ou « ~ » (autre).`,
    );
  const items: Item[] = [];
  for (const [n, start] of starts.entries()) {
    let raw = body.slice(start + 1, starts[n + 1] ?? body.length);
    let weight: number | undefined;
    const weighted = /^\s*%(-?\d+(?:[.,]\d+)?)%/.exec(raw);
    if (weighted) {
      weight = Number(weighted[1]!.replace(',', '.'));
      raw = raw.slice(weighted[0].length);
    }
    const hash = findUnescaped(raw, '#');
    const text = hash === -1 ? raw : raw.slice(0, hash);
    if (findUnescaped(text, '->') !== -1)
      return fail(start, 'question d’appariement (« -> ») : Passerelle ne la propose pas.');
    items.push({
      mark: body[start] as '=' | '~',
      index: start,
      weight,
      text: unescapeGift(text).trim(),
      feedback: hash === -1 ? '' : unescapeGift(raw.slice(hash + 1)).trim(),
    });
  }
  return items;
}

function findFirstMark(body: string, from: number): number {
  const [eq, tilde] = [findUnescaped(body, '=', from), findUnescaped(body, '~', from)];
  if (eq === -1) return tilde;
  if (tilde === -1) return eq;
  return Math.min(eq, tilde);
}

function trueFalse(main: string, explanation: string): Answers {
  const [keyword, wrongFeedback = '', rightFeedback = ''] = splitUnescaped(main.trim(), '#');
  const isTrue = keyword!.trim().toUpperCase().startsWith('T');
  const choice = (text: string, correct: boolean): DocChoice => ({
    text,
    correct,
    feedback: unescapeGift(correct ? rightFeedback : wrongFeedback).trim(),
  });
  return { kind: 'truefalse', choices: [choice('Vrai', isTrue), choice('Faux', !isTrue)], answers: [], explanation };
}

function splitUnescaped(text: string, separator: string): string[] {
  const parts: string[] = [];
  let from = 0;
  for (let at = findUnescaped(text, separator); at !== -1; at = findUnescaped(text, separator, from)) {
    parts.push(text.slice(from, at));
    from = at + separator.length;
  }
  parts.push(text.slice(from));
  return parts;
}

/** The answers block `{…}` of one question, read as one of Passerelle's four question types. */
export function readAnswers(body: string, fail: Fail): Answers | undefined {
  const general = findUnescaped(body, '####');
  const explanation = general === -1 ? '' : unescapeGift(body.slice(general + 4)).trim();
  const main = general === -1 ? body : body.slice(0, general);
  const trimmed = main.trim();
  if (trimmed === '')
    return fail(
      0,
      'question ouverte (« { } », réponse rédigée) : Passerelle ne la propose pas ; ses questions sont corrigées automatiquement.',
    );
  if (trimmed.startsWith('#'))
    return fail(
      main.indexOf('#'),
      'question numérique (« {#…} ») : Passerelle ne la propose pas. Écrivez les réponses acceptées en réponses courtes « = ».',
    );
  if (/^(TRUE|FALSE|T|F)\s*(#|$)/i.test(trimmed)) return trueFalse(main, explanation);
  const items = itemsOf(main, fail);
  if (!items) return undefined;
  const right = items.filter((i) => i.mark === '=');
  const others = items.filter((i) => i.mark === '~');
  const empty = items.find((i) => i.text === '');
  if (empty) return fail(empty.index, 'une réponse est vide.');
  if (others.length === 0) {
    const weighted = items.find((i) => i.weight !== undefined && i.weight !== 100);
    if (weighted) return fail(weighted.index, partialCredit);
    const withFeedback = items.find((i) => i.feedback !== '');
    if (withFeedback)
      return fail(
        withFeedback.index,
        'retour propre à une réponse courte (« =réponse#retour ») : Passerelle n’en a pas. Mettez-le dans l’explication générale « #### ».',
      );
    return { kind: 'short', choices: [], answers: items.map((i) => i.text), explanation };
  }
  const choices = items.map((i) => ({ text: i.text.replace(/\s*\n\s*/g, ' '), feedback: i.feedback }));
  if (right.length === 1) {
    const weighted = items.find(
      (i) => i.weight !== undefined && !(i.mark === '=' && i.weight === 100) && i.weight !== 0,
    );
    if (weighted) return fail(weighted.index, partialCredit);
    return {
      kind: 'single',
      choices: items.map((i, n) => ({ ...choices[n]!, correct: i.mark === '=' })),
      answers: [],
      explanation,
    };
  }
  if (right.length > 1)
    return fail(
      right[1]!.index,
      'plusieurs bonnes réponses « = » parmi des choix « ~ » : pour plusieurs bonnes réponses, écrivez « ~%50% » devant chacune.',
    );
  const positive = items.filter((i) => (i.weight ?? 0) > 0);
  if (positive.length === 0) return fail(0, 'aucune bonne réponse : marquez-la avec « = ».');
  const share = positive[0]!.weight!;
  const total = positive.reduce((sum, i) => sum + i.weight!, 0);
  const uneven = positive.find((i) => Math.abs(i.weight! - share) > 0.01);
  if (uneven || Math.abs(total - 100) > 0.1) return fail((uneven ?? positive[0]!).index, partialCredit);
  return {
    kind: 'multiple',
    choices: items.map((i, n) => ({ ...choices[n]!, correct: (i.weight ?? 0) > 0 })),
    answers: [],
    explanation,
  };
}
