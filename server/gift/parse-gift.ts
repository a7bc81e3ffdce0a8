import { findUnescaped, plainFromSimpleHtml, unescapeGift } from './gift-text.ts';
import type { DocChoice, DocQuestion, GiftIssue } from './quiz-document.ts';
import { readAnswers } from './read-gift-answers.ts';

/** Questions in the order of the file, each under the category (`$CATEGORY`) it was read in. */
export interface GiftFile {
  groups: { category: string | undefined; questions: DocQuestion[] }[];
  issues: GiftIssue[];
}

interface Block {
  text: string;
  line: number;
}

/** Questions are separated by blank lines; `//` lines are comments. */
function blocksOf(source: string): Block[] {
  const blocks: Block[] = [];
  let current: string[] = [];
  let start = 0;
  source
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, index) => {
      const line = raw.trim();
      if (line.startsWith('//')) return;
      if (line === '') {
        if (current.length) blocks.push({ text: current.join('\n'), line: start });
        current = [];
        return;
      }
      if (!current.length) start = index + 1;
      current.push(raw);
    });
  if (current.length) blocks.push({ text: current.join('\n'), line: start });
  return blocks;
}

/** Line number of a position inside a block. */
const lineAt = (block: Block, index: number) => block.line + (block.text.slice(0, index).match(/\n/g)?.length ?? 0);

/**
 * Reads a GIFT file (Moodle's question format) into quiz questions. Whatever GIFT can say that Passerelle
 * cannot (essays, numbers, matching, missing words, partial credit, per-answer feedback on short answers,
 * rich HTML) is an issue with its line, in French: nothing is dropped without saying so.
 */
export function parseGift(source: string): GiftFile {
  const groups: GiftFile['groups'] = [{ category: undefined, questions: [] }];
  const issues: GiftIssue[] = [];
  for (const block of blocksOf(source)) {
    const category = /^\$CATEGORY:\s*(.*)$/.exec(block.text.trim());
    if (category) {
      groups.push({ category: lastCategorySegment(category[1]!), questions: [] });
      continue;
    }
    const question = readQuestion(block, issues);
    if (question) groups.at(-1)!.questions.push(question);
  }
  return { groups: groups.filter((g) => g.questions.length > 0 || g.category !== undefined), issues };
}

/** `$course$/top/Course/Module` → `Module` (a doubled slash is a slash in a name). */
function lastCategorySegment(path: string): string {
  const segments = path.trim().split(/(?<!\/)\/(?!\/)/);
  return (segments.at(-1) ?? '').replace(/\/\//g, '/').trim();
}

function readQuestion(block: Block, issues: GiftIssue[]): DocQuestion | undefined {
  let text = block.text;
  const fail = (index: number, message: string) => {
    issues.push({ line: lineAt(block, index), message });
    return undefined;
  };
  // ::name:: — Moodle's name of the question in its bank; Passerelle numbers its questions instead.
  let offset = 0;
  if (text.trimStart().startsWith('::')) {
    const open = text.indexOf('::');
    const close = findUnescaped(text, '::', open + 2);
    if (close === -1) return fail(0, 'le titre « ::…:: » de la question n’est pas fermé.');
    offset = close + 2;
  }
  const open = findUnescaped(text, '{', offset);
  if (open === -1) return fail(0, 'question sans réponses : il manque le bloc « { … } ».');
  const close = findUnescaped(text, '}', open + 1);
  if (close === -1) return fail(open, 'le bloc de réponses « { » n’est pas fermé par « } ».');
  const after = text.slice(close + 1).trim();
  if (after !== '')
    return fail(
      close,
      'question à trou (du texte après les réponses) : Passerelle ne la propose pas. Placez le texte avant « { ».',
    );
  let stem = text.slice(offset, open).trim();
  let format = 'moodle';
  const formatMatch = /^\[(\w+)\]/.exec(stem);
  if (formatMatch) {
    format = formatMatch[1]!.toLowerCase();
    stem = stem.slice(formatMatch[0].length);
  }
  let prompt = unescapeGift(stem).trim();
  if (format === 'html') {
    const plain = plainFromSimpleHtml(prompt);
    if (plain === undefined)
      return fail(
        0,
        'texte au format HTML avec mise en forme : Passerelle écrit en Markdown. Exportez la question au format Markdown ou texte.',
      );
    prompt = plain;
  } else if (!['moodle', 'plain', 'markdown'].includes(format)) {
    return fail(0, `format de texte « [${format}] » inconnu : utilisez [markdown], [plain] ou [moodle].`);
  }
  if (prompt === '') return fail(0, 'la question n’a pas de texte avant « { ».');
  text = text.slice(open + 1, close);
  const answers = readAnswers(text, (index, message) => fail(open + 1 + index, message));
  if (!answers) return undefined;
  const html = format === 'html';
  const clean = (value: string) => (html ? (plainFromSimpleHtml(value) ?? value) : value);
  return {
    kind: answers.kind,
    prompt: prompt.replace(/\s*\n\s*/g, ' '),
    choices: answers.choices.map((c: DocChoice) => ({
      ...c,
      text: clean(c.text).replace(/\s*\n\s*/g, ' '),
      feedback: clean(c.feedback),
    })),
    answers: answers.answers.map(clean),
    explanation: clean(answers.explanation),
    line: block.line,
  };
}
