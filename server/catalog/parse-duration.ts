/**
 * Reads a duration as trainers write it: `45 min`, `1 h`, `1 h 30`, `1h30`, `2 h 15 min`, `1,5 h` or a bare
 * number of minutes. Returns minutes, or null when the text is not a duration.
 */
export function parseDuration(value: unknown): number | null {
  if (typeof value === 'number') return Number.isInteger(value) && value > 0 ? value : null;
  if (typeof value !== 'string') return null;
  const text = value.trim().toLowerCase().replace(/\s+/g, ' ');
  let m = /^(\d{1,4})\s*(?:min|mn|minutes?)?$/.exec(text);
  if (m) return positive(Number(m[1]));
  m = /^(\d{1,3})(?:[,.](\d{1,2}))?\s*(?:h|heures?)$/.exec(text);
  if (m) return positive(Math.round((Number(m[1]) + Number(`0.${m[2] ?? '0'}`)) * 60));
  m = /^(\d{1,3})\s*(?:h|heures?)\s*(\d{1,2})\s*(?:min|mn|minutes?)?$/.exec(text);
  if (m && Number(m[2]) < 60) return positive(Number(m[1]) * 60 + Number(m[2]));
  return null;
}

function positive(n: number): number | null {
  return n > 0 ? n : null;
}
