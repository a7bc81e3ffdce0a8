import type { CertificateStatus, CompletionRow, CompletionStatus } from './completion-row.ts';

export const completionStatusLabels = {
  not_started: 'Non commencé',
  in_progress: 'En cours',
  completed: 'Terminé',
  revoked: 'Attestation révoquée',
} as const satisfies Record<CompletionStatus, string>;

export const certificateStatusLabels = {
  valid: 'Valide',
  revoked: 'Révoquée',
  replaced: 'Remplacée',
} as const satisfies Record<CertificateStatus, string>;

/** A day on the calendar, with no time zone left in it. */
export type CalendarDay = { year: number; month: number; day: number };

type Column<Kind extends string, Value> = {
  header: string;
  kind: Kind;
  /** Width in characters, for the XLSX sheet. */
  width: number;
  value: (row: CompletionRow) => Value | null;
};

/** Each writer has one rendering rule per kind: text is the only kind a formula can hide in. */
export type CompletionColumn =
  | Column<'text', string>
  | Column<'integer' | 'hours' | 'score', number>
  | Column<'date', CalendarDay>;

// HR works on the day as seen in Paris: 23:30 UTC on 23 November is the 24th for them.
const parisDayFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});

function formatParisDay(instant: Date): CalendarDay {
  const day: CalendarDay = { year: 0, month: 0, day: 0 };
  for (const part of parisDayFormat.formatToParts(instant)) {
    if (part.type === 'year' || part.type === 'month' || part.type === 'day') day[part.type] = Number(part.value);
  }
  return day;
}

// Intl costs ~5 µs a date here (1 s of a 100,000-row CSV export). Since 1911 Paris has been a whole
// number of hours from UTC, so all instants of one UTC hour share a Paris day: one Intl call per hour.
const hourMs = 3_600_000;
const wholeHourOffsetsSince = Date.UTC(1912, 0, 1);
const dayOfHour = new Map<number, CalendarDay>();

export function parisDay(instant: Date): CalendarDay {
  const time = instant.getTime();
  if (!(time >= wholeHourOffsetsSince)) return formatParisDay(instant);
  const hour = Math.floor(time / hourMs);
  let day = dayOfHour.get(hour);
  if (!day) {
    if (dayOfHour.size >= 100_000) dayOfHour.clear();
    day = formatParisDay(instant);
    dayOfHour.set(hour, day);
  }
  return { ...day };
}

/** Decimal hours rounded to 2 places (minutes × 5/3 is never exactly on .5, so rounding is unambiguous). */
export function minutesToHours(minutes: number): number {
  return Math.round((minutes * 100) / 60) / 100;
}

const roundTo2 = (value: number): number => Math.round(value * 100) / 100;
const dayOrNull = (instant: Date | null): CalendarDay | null => (instant ? parisDay(instant) : null);

/** The report's columns, in order: the CSV and XLSX writers both render this list and nothing else. */
export const completionColumns: readonly CompletionColumn[] = [
  { header: 'Nom', kind: 'text', width: 28, value: (row) => row.name },
  { header: 'E-mail', kind: 'text', width: 32, value: (row) => row.email },
  { header: 'Matricule', kind: 'text', width: 14, value: (row) => row.matricule },
  { header: 'Structure', kind: 'text', width: 28, value: (row) => row.structure },
  { header: 'Formation', kind: 'text', width: 36, value: (row) => row.course },
  { header: 'Version', kind: 'integer', width: 9, value: (row) => row.courseVersion },
  { header: 'Statut', kind: 'text', width: 20, value: (row) => completionStatusLabels[row.status] },
  { header: 'Début', kind: 'date', width: 12, value: (row) => dayOrNull(row.startedAt) },
  { header: 'Fin', kind: 'date', width: 12, value: (row) => dayOrNull(row.completedAt) },
  {
    header: 'Temps mesuré (h)',
    kind: 'hours',
    width: 17,
    value: (row) => minutesToHours(row.measuredMinutes),
  },
  {
    header: 'Durée déclarée (h)',
    kind: 'hours',
    width: 18,
    value: (row) => minutesToHours(row.declaredMinutes),
  },
  {
    header: 'Note finale (%)',
    kind: 'score',
    width: 15,
    value: (row) => (row.finalScore === null ? null : roundTo2(row.finalScore)),
  },
  { header: 'Code attestation', kind: 'text', width: 18, value: (row) => row.certificateCode },
  {
    header: 'Statut attestation',
    kind: 'text',
    width: 18,
    value: (row) => (row.certificateStatus ? certificateStatusLabels[row.certificateStatus] : null),
  },
];
