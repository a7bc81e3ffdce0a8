// HR works on the day as seen in Paris: 23:30 UTC on 23 November is the 24th for them.

/** A day on the calendar, with no time zone left in it. */
export type CalendarDay = { year: number; month: number; day: number };

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

/** The Paris calendar day of an instant. */
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

const parisClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris',
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

function parisOffsetMs(instant: number): number {
  const parts: Record<string, number> = {};
  for (const part of parisClock.formatToParts(new Date(instant))) parts[part.type] = Number(part.value);
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return wall - (instant - (instant % 1000));
}

/** The instant (ms) of 00:00 in Paris on `day` (YYYY-MM-DD) plus `addDays`; DST never changes at midnight there. */
export function parisMidnight(day: string, addDays: number): number {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(year, month - 1, date + addDays);
  return wall - parisOffsetMs(wall - parisOffsetMs(wall));
}
