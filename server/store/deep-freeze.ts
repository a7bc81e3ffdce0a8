// Rows are shared between the store and its readers instead of being copied: freezing them deeply
// makes that safe (an accidental mutation throws instead of silently changing stored data).
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}
