/**
 * Defers a rendering to its first use and keeps the result. The catalog is validated in full at start-up,
 * but Markdown is turned into sanitised HTML only when a page first needs it: starting with hundreds of
 * modules would otherwise spend seconds rendering pages nobody has asked for yet.
 */
export function renderOnce<T>(render: () => T): () => T {
  // Dropped once used, with the source text it holds.
  let pending: (() => T) | undefined = render;
  let value: T;
  return () => {
    if (pending) {
      value = pending();
      pending = undefined;
    }
    return value;
  };
}
