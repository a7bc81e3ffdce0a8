import { Marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { inlineRuns } from '../../server/shared/pdf/inline-runs.ts';

const runsOf = (markdown: string) => {
  const [paragraph] = new Marked({ gfm: true }).lexer(markdown);
  return inlineRuns(paragraph && 'tokens' in paragraph ? paragraph.tokens : []);
};

describe('inline Markdown as runs of text for a PDF', () => {
  it('gives each emphasis its font, merging neighbours of the same font', () => {
    expect(runsOf('Du **gras**, de l’*italique*, du ***deux*** et `du code`.')).toEqual([
      { text: 'Du ', font: 'regular' },
      { text: 'gras', font: 'bold' },
      { text: ', de l’', font: 'regular' },
      { text: 'italique', font: 'italic' },
      { text: ', du ', font: 'regular' },
      { text: 'deux', font: 'boldItalic' },
      { text: ' et du code.', font: 'regular' },
    ]);
  });

  it('keeps French punctuation on the line of its word and prints links as their text, without HTML', () => {
    expect(runsOf('Une « question » ? Voir [le site](https://example.org) <b>ici</b> : oui !')).toEqual([
      { text: 'Une «\u00a0question\u00a0»\u00a0? Voir le site ici\u00a0: oui\u00a0!', font: 'regular' },
    ]);
  });
});
