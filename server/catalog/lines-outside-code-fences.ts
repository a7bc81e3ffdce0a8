const fence = /^\s{0,3}(```|~~~)/;

/**
 * The lines of a Markdown text that are not code inside a ``` or ~~~ fence, with their 0-based index: what
 * can hold a quiz heading, an image, a link or emphasis. A closing fence line is given, an opening one not.
 */
export function* linesOutsideCodeFences(lines: string[]): Generator<[index: number, line: string]> {
  let inFence = false;
  for (const [index, line] of lines.entries()) {
    if (fence.test(line)) inFence = !inFence;
    if (!inFence) yield [index, line];
  }
}
