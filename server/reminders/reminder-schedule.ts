import type { ReminderConfig } from '../config.ts';

/** `day` (YYYY-MM-DD) moved by `days` on the calendar. */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The reminder day of the schedule that applies today, if any: `daysBefore` days before the due date,
 * on the due date, then every `lateEveryDays` days while late. Only days from the assignment on count (no
 * reminder for a schedule day before it existed). A day the job did not run is caught up the next run,
 * and only the latest schedule day is ever sent, so a long outage sends one reminder, not a burst.
 */
export function reminderDay(dueDate: string, today: string, assignedOn: string, config: ReminderConfig): string | null {
  let day: string | null = null;
  if (today >= dueDate) {
    const late = daysBetween(dueDate, today);
    day = addDays(dueDate, late - (late % config.lateEveryDays));
  } else if (config.daysBefore > 0 && today >= addDays(dueDate, -config.daysBefore)) {
    day = addDays(dueDate, -config.daysBefore);
  }
  return day !== null && day >= assignedOn ? day : null;
}
