// Certificates are issued by French organisations: the date is the one on the wall clock in Paris.
const parts = new Intl.DateTimeFormat('fr-FR', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/Paris',
});

// `new Date()` accepts almost anything ("le 23 novembre" included), and reads a time without
// an offset in the server's zone: only a date alone, or a date-time with Z or ±hh:mm, is accepted.
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** "23 novembre 2026", "1er mars 2027" (French writes the first day of a month as an ordinal). */
export function formatDateFr(iso: string): string {
  const date = new Date(iso);
  if (!ISO_DATE.test(iso) || Number.isNaN(date.getTime())) throw new RangeError(`not an ISO date: ${iso}`);
  const byType = Object.fromEntries(parts.formatToParts(date).map((part) => [part.type, part.value]));
  const day = byType.day === '1' ? '1er' : byType.day;
  return `${day} ${byType.month} ${byType.year}`;
}
