/**
 * Defers a rendering to its first use and keeps the result. The catalog is validated in full at start-up,
 * but Markdown is turned into sanitised HTML only when a page first needs it: starting with hundreds of
 * modules would otherwise spend seconds rendering pages nobody has asked for yet.
 */
export function renderOnce<T>(render: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = render();
      done = true;
    }
    return value;
  };
}
