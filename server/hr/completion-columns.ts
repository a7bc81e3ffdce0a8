import { completedByDueDate } from '../assignments/assignment-status.ts';
import { translate } from '../i18n/translate.ts';
import type { CompletionRow } from './completion-row.ts';
import { type CalendarDay, parisDay } from './paris-day.ts';
import { certificateStatusLabel, completionStatusLabel } from './status-labels.ts';

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

/** Decimal hours rounded to 2 places (minutes × 5/3 is never exactly on .5, so rounding is unambiguous). */
export function minutesToHours(minutes: number): number {
  return Math.round((minutes * 100) / 60) / 100;
}

const roundTo2 = (value: number): number => Math.round(value * 100) / 100;
const dayOrNull = (instant: Date | null): CalendarDay | null => (instant ? parisDay(instant) : null);
/** `2027-03-31` as a calendar day (a due date is already a Paris day). */
function calendarDay(date: string | null): CalendarDay | null {
  if (date === null) return null;
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}
function completedByDueDateText(row: CompletionRow): string | null {
  const onTime = completedByDueDate(row.completedAt?.toISOString() ?? null, row.dueDate);
  return onTime === null ? null : translate(onTime ? 'hr.file.yes' : 'hr.file.no');
}

/** The report's columns, in order: the CSV and XLSX writers both render this list and nothing else. */
export const completionColumns: readonly CompletionColumn[] = [
  { header: translate('hr.file.column.name'), kind: 'text', width: 28, value: (row) => row.name },
  { header: translate('hr.file.column.email'), kind: 'text', width: 32, value: (row) => row.email },
  { header: translate('hr.file.column.matricule'), kind: 'text', width: 14, value: (row) => row.matricule },
  { header: translate('hr.file.column.structure'), kind: 'text', width: 28, value: (row) => row.structure },
  { header: translate('hr.file.column.course'), kind: 'text', width: 36, value: (row) => row.course },
  { header: translate('hr.file.column.version'), kind: 'integer', width: 9, value: (row) => row.courseVersion },
  {
    header: translate('hr.file.column.status'),
    kind: 'text',
    width: 20,
    value: (row) => completionStatusLabel(row.status),
  },
  { header: translate('hr.file.column.start'), kind: 'date', width: 12, value: (row) => dayOrNull(row.startedAt) },
  { header: translate('hr.file.column.end'), kind: 'date', width: 12, value: (row) => dayOrNull(row.completedAt) },
  {
    header: translate('hr.file.column.measuredHours'),
    kind: 'hours',
    width: 17,
    value: (row) => minutesToHours(row.measuredMinutes),
  },
  {
    header: translate('hr.file.column.declaredHours'),
    kind: 'hours',
    width: 18,
    value: (row) => minutesToHours(row.declaredMinutes),
  },
  {
    header: translate('hr.file.column.finalScore'),
    kind: 'score',
    width: 15,
    value: (row) => (row.finalScore === null ? null : roundTo2(row.finalScore)),
  },
  { header: translate('hr.file.column.certificateCode'), kind: 'text', width: 18, value: (row) => row.certificateCode },
  {
    header: translate('hr.file.column.certificateStatus'),
    kind: 'text',
    width: 18,
    value: (row) => (row.certificateStatus ? certificateStatusLabel(row.certificateStatus) : null),
  },
  { header: translate('hr.file.column.dueDate'), kind: 'date', width: 12, value: (row) => calendarDay(row.dueDate) },
  {
    header: translate('hr.file.column.completedByDueDate'),
    kind: 'text',
    width: 24,
    value: completedByDueDateText,
  },
];
