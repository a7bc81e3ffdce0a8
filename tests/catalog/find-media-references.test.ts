import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findMediaReferences } from '../../server/catalog/find-media-references.ts';

// The regular expressions the scanner replaces: on short lines they are quick and serve as the reference.
const imagePattern = /!\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;
const linkPattern = /(?<!!)\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;

function byRegex(line: string) {
  return {
    images: [...line.matchAll(imagePattern)].map((m) => ({ alt: m[1]!, href: m[2]! })),
    links: [...line.matchAll(linkPattern)].map((m) => m[1]!),
  };
}

describe('media references of a line', () => {
  it('finds images with their text alternative and links with their destination', () => {
    expect(
      findMediaReferences(
        'Voir ![Un atelier](images/a.png "titre") et [la fiche](<fichiers/fiche.pdf>) puis [x](02-y.md#h)',
      ),
    ).toEqual({
      images: [{ alt: 'Un atelier', href: 'images/a.png' }],
      links: ['fichiers/fiche.pdf', '02-y.md#h'],
    });
  });

  it('agrees with the regular expressions it replaces on any short line', () => {
    const alphabet = fc.constantFrom('!', '[', ']', '(', ')', '<', '>', '"', ' ', '\t', 'a', '.', '/', '](', '![');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 30 }), (parts) => {
        const line = parts.join('');
        expect(findMediaReferences(line)).toEqual(byRegex(line));
      }),
      { numRuns: 20_000 },
    );
  });
});
