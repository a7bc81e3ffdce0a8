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
  const pageCount = Math.max(1, Math.ceil(items.length / pageSize));
  const current = Math.min(Math.max(1, Math.floor(page)), pageCount);
  return {
    items: items.slice((current - 1) * pageSize, current * pageSize),
    page: current,
    pageCount,
    total: items.length,
  };
}
