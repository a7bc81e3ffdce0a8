/**
 * French duration as printed on certificates: "45 min", "1 h", "1 h 05", "12 h 30".
 * Plain spaces, so the text can be searched and compared as typed.
 */
export function formatDurationFr(minutes: number): string {
  if (!Number.isInteger(minutes) || minutes < 0) {
    throw new RangeError(`duration must be a whole number of minutes, got ${minutes}`);
  }
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${String(rest).padStart(2, '0')}`;
}
