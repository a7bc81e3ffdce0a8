export interface MediaReferences {
  /** `![alt](src)` */
  images: { alt: string; href: string }[];
  /** Destinations of `[text](href)` */
  links: string[];
}

/**
 * Finds the Markdown images and links of one line, as the regular expressions
 * `!\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)` and the same for links (`(?<!!)\[`) would, in one
 * pass. Those expressions retried from every `[` and cost seconds on a line of a few thousand brackets.
 */
export function findMediaReferences(line: string): MediaReferences {
  return {
    images: scan(line, (i) => line[i] === '!' && line[i + 1] === '[', 2).map(([alt, href]) => ({ alt, href })),
    links: scan(line, (i) => line[i] === '[' && line[i - 1] !== '!', 1).map(([, href]) => href),
  };
}

const isSpace = (c: string | undefined) => c !== undefined && /\s/.test(c);
const inDestination = (c: string | undefined) => c !== undefined && c !== ')' && c !== '>' && !isSpace(c);

/** Every `label](destination…)` whose label opens where `opensAt` says, leftmost first, without overlaps. */
function scan(line: string, opensAt: (i: number) => boolean, openerLength: number): [string, string][] {
  const found: [string, string][] = [];
  // Where a reference whose destination ends at a given position ends (-1: it does not close).
  const closings = new Map<number, number>();
  let next = 0;
  let afterBracket = 0;
  let examined = 0;
  let run = { from: -1, to: -1 };
  const skipSpaces = (i: number) => {
    while (isSpace(line[i])) i++;
    return i;
  };
  // Positions only move forward, so one cached run keeps `](](](…` from being read again for each `](`.
  const destinationEnd = (i: number) => {
    if (i < run.from || i >= run.to) {
      let to = i;
      while (inDestination(line[to])) to++;
      run = { from: i, to };
    }
    return run.to;
  };
  const closing = (end: number) => {
    let i = end;
    if (line[i] === '>') i++;
    const quote = skipSpaces(i);
    if (quote > i && line[quote] === '"') {
      const closingQuote = line.indexOf('"', quote + 1);
      const parenthesis = closingQuote === -1 ? -1 : skipSpaces(closingQuote + 1);
      if (parenthesis !== -1 && line[parenthesis] === ')') return parenthesis + 1;
    }
    return line[quote] === ')' ? quote + 1 : -1;
  };

  for (let p = line.indexOf(']('); p !== -1; p = line.indexOf('](', Math.max(p + 1, next))) {
    for (; examined < p; examined++) if (line[examined] === ']') afterBracket = examined + 1;
    let open = Math.max(next, afterBracket);
    while (open + openerLength <= p && !opensAt(open)) open++;
    // The label cannot hold a `]`, so nothing before this `](` can open a reference that reaches past it.
    afterBracket = p + 1;
    if (open + openerLength > p) continue;
    const start = skipSpaces(p + 2);
    const end = destinationEnd(start);
    const hrefStart = line[start] === '<' && end > start + 1 ? start + 1 : start;
    if (end === hrefStart) continue;
    let stop = closings.get(end);
    if (stop === undefined) {
      stop = closing(end);
      closings.set(end, stop);
    }
    if (stop === -1) continue;
    found.push([line.slice(open + openerLength, p), line.slice(hrefStart, end)]);
    next = stop;
  }
  return found;
}
