export interface Page<T> {
  /** The rows of this page. */
  items: T[];
  /** 1-based, clamped to the pages that exist. */
  page: number;
  /** At least 1, so an empty list still has one (empty) page. */
  pageCount: number;
  total: number;
}

/**
 * The `page`-th slice of `items` (1-based). A page past the end gives the last page rather than an empty
 * table, so a bookmark kept after rows went away still shows something.
 */
export function paginate<T>(items: readonly T[], page: number, pageSize: number): Page<T> {
  const position = pagePosition(items.length, page, pageSize);
  const current = position.page;
  return { items: items.slice((current - 1) * pageSize, current * pageSize), ...position };
}

/** Where page `page` falls among `total` items: clamped to the pages that exist, as `paginate` does. */
export function pagePosition(total: number, page: number, pageSize: number): Omit<Page<never>, 'items'> {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  return { page: Math.min(Math.max(1, Math.floor(page)), pageCount), pageCount, total };
}
