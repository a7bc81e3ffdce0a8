/** Longer strings (texts, answers) rarely repeat: pooling them would cost more than it saves. */
const maxPooledLength = 128;

/**
 * JSON.parse makes a new string for every value it reads, so the same course slug, account id or status
 * is held once per row: at 100k progress rows, most of the store's memory. While a store loads, each
 * row's short strings are replaced by the first equal one seen (`pool` lives as long as the loading).
 * Mutates `value`, which must not be frozen yet.
 */
export function poolStrings<T>(value: T, pool: Map<string, string>): T {
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const field = record[key];
    if (typeof field === 'string') {
      if (field.length > maxPooledLength) continue;
      const pooled = pool.get(field);
      if (pooled === undefined) pool.set(field, field);
      else record[key] = pooled;
    } else if (typeof field === 'object' && field !== null) poolStrings(field, pool);
  }
  return value;
}
