// Where one person stands on one assignment, on the Paris calendar: a course due on 31 March may be
// completed until 23:59 in Paris that day.

export type AssignmentState = 'done' | 'doneLate' | 'late' | 'inProgress' | 'notStarted';

// en-CA writes dates as YYYY-MM-DD. Paris is a whole number of hours from UTC, so every instant of one
// UTC hour has the same Paris day: one Intl call per hour (a list of 50,000 completions stays fast).
const parisFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const dayOfHour = new Map<number, string>();

/** `2026-11-30`, the day it is in Paris at this instant. */
export function parisDate(instant: Date): string {
  const hour = Math.floor(instant.getTime() / 3_600_000);
  let day = dayOfHour.get(hour);
  if (day === undefined) {
    if (dayOfHour.size >= 100_000) dayOfHour.clear();
    day = parisFormat.format(instant);
    dayOfHour.set(hour, day);
  }
  return day;
}

export function assignmentState(
  enrollment: { completedAt: string | null } | undefined,
  dueDate: string | null,
  today: string,
): AssignmentState {
  if (enrollment?.completedAt) {
    return dueDate !== null && parisDate(new Date(enrollment.completedAt)) > dueDate ? 'doneLate' : 'done';
  }
  if (dueDate !== null && today > dueDate) return 'late';
  return enrollment ? 'inProgress' : 'notStarted';
}

/** Whether a completion came by its due date: null without a due date or without a completion. */
export function completedByDueDate(completedAt: string | null, dueDate: string | null): boolean | null {
  if (!completedAt || dueDate === null) return null;
  return assignmentState({ completedAt }, dueDate, '') === 'done';
}

/**
 * The `late` case of `assignmentState` as a SQL condition, for the HR queries that filter, count and
 * sort on it in the database. Arguments are column expressions: `completedAt` a timestamp (null when
 * not completed), `dueDate` and `today` Paris days as text. A test runs both on the same cases.
 */
export function lateSql(completedAt: string, dueDate: string, today: string): string {
  return `(${completedAt} is null and ${dueDate} is not null and ${today} > ${dueDate} collate "C")`;
}

/** Late first, then the nearest due date, then the ones without a date. */
export function byUrgency(a: { late: boolean; dueDate: string | null }, b: { late: boolean; dueDate: string | null }) {
  if (a.late !== b.late) return a.late ? -1 : 1;
  if (a.dueDate === b.dueDate) return 0;
  if (a.dueDate === null) return 1;
  if (b.dueDate === null) return -1;
  return a.dueDate < b.dueDate ? -1 : 1;
}
