import { DateTime } from 'luxon';

/**
 * Wall-clock dates and times, and the one place where they become instants. Everything the parser does is
 * calendar arithmetic on plain year/month/day values; only `toAmsterdamInstant` knows about time zones.
 * Luxon always gets an explicit zone so the host's TZ (UTC on servers, anything on laptops) never leaks in.
 */

export const MEETING_ZONE = 'Europe/Amsterdam';

export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

export interface LocalTime {
  hour: number;
  minute: number;
}

/** Calendar arithmetic in UTC: a zone without DST, so adding days never adds or loses an hour. */
function calendarDay(date: LocalDate): DateTime {
  return DateTime.fromObject(date, { zone: 'UTC' });
}

function fromCalendarDay(dt: DateTime): LocalDate {
  return { year: dt.year, month: dt.month, day: dt.day };
}

export function isValidDate(date: LocalDate): boolean {
  return calendarDay(date).isValid;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromCalendarDay(calendarDay(date).plus({ days }));
}

/** Luxon clamps a missing day to the end of the month (31 Jan + 1 month = 28 Feb); callers check `day`. */
export function addMonths(date: LocalDate, months: number): LocalDate {
  return fromCalendarDay(calendarDay(date).plus({ months }));
}

/**
 * ISO weekday: 1 = Monday ... 7 = Sunday; NaN for a day that does not exist (as luxon says). Read from the
 * built-in Gregorian calendar: every card with a meeting date asks, and a luxon DateTime per call was a few
 * percent of an RSVP storm's CPU.
 */
export function weekdayOf(date: LocalDate): number {
  const d = new Date(0);
  d.setUTCFullYear(date.year, date.month - 1, date.day);
  if (d.getUTCFullYear() !== date.year || d.getUTCMonth() !== date.month - 1 || d.getUTCDate() !== date.day) return Number.NaN;
  return d.getUTCDay() || 7;
}

export function compareDates(a: LocalDate, b: LocalDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

export function daysInMonth(year: number, month: number): number {
  return DateTime.fromObject({ year, month, day: 1 }, { zone: 'UTC' }).daysInMonth ?? 31;
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round(calendarDay(to).diff(calendarDay(from), 'days').days);
}

/** The first date strictly after `date` that falls on `weekday`. */
export function nextWeekdayAfter(date: LocalDate, weekday: number): LocalDate {
  const ahead = (weekday - weekdayOf(date) + 7) % 7 || 7;
  return addDays(date, ahead);
}

/** The first date on or after `date` that falls on `weekday`. */
export function weekdayOnOrAfter(date: LocalDate, weekday: number): LocalDate {
  return addDays(date, (weekday - weekdayOf(date) + 7) % 7);
}

/** Monday of the ISO week `date` is in: Dutch weeks start on Monday. */
export function mondayOf(date: LocalDate): LocalDate {
  return addDays(date, 1 - weekdayOf(date));
}

export function toIsoDate(date: LocalDate): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;
}

export function toHhMm(time: LocalTime): string {
  return `${String(time.hour).padStart(2, '0')}:${String(time.minute).padStart(2, '0')}`;
}

export function parseIsoDate(text: string): LocalDate | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return isValidDate(date) ? date : undefined;
}

/** "Today" is the Amsterdam calendar day of `now`; at 00:30 Amsterdam time the UTC date is still yesterday. */
export function amsterdamToday(now: Date): LocalDate {
  return fromCalendarDay(DateTime.fromJSDate(now, { zone: MEETING_ZONE }));
}

/**
 * Remembered wall clocks by instant: every card of a meeting shows its start and end, and in an RSVP storm
 * the same two instants went through luxon's zone arithmetic ~500 times (2% of the storm's CPU profile).
 * Pure (the Amsterdam zone rules are fixed for the process), bounded, and each caller gets its own copy.
 */
const wallClocks = new Map<number, { date: LocalDate; time: LocalTime }>();
const WALL_CLOCKS_KEPT = 2_000;

export function amsterdamWallClock(instant: Date): { date: LocalDate; time: LocalTime } {
  const key = instant.getTime();
  let kept = wallClocks.get(key);
  if (!kept) {
    const dt = DateTime.fromJSDate(instant, { zone: MEETING_ZONE });
    kept = { date: fromCalendarDay(dt), time: { hour: dt.hour, minute: dt.minute } };
    if (wallClocks.size >= WALL_CLOCKS_KEPT) wallClocks.clear();
    wallClocks.set(key, kept);
  }
  return { date: { ...kept.date }, time: { ...kept.time } };
}

export type DstNote =
  | { kind: 'gap'; requested: LocalTime; actual: LocalTime }
  | { kind: 'ambiguous'; time: LocalTime; offsets: string[] };

export interface AmsterdamInstant {
  instant: Date;
  /** The wall-clock time the instant really has: differs from the request only inside a DST gap. */
  time: LocalTime;
  dst?: DstNote;
}

/**
 * Builds the instant for a wall-clock date and time in Amsterdam.
 * - In the spring gap (e.g. 02:30 on 29 March 2026 does not exist) luxon moves forward by the gap's
 *   length (03:30); we keep that and report it, so the coordinator sees the shifted time.
 * - In the autumn overlap (02:30 on 25 October 2026 happens twice) we take the earlier one, still in
 *   summer time, because that is the first moment the clock shows the requested time; also reported.
 */
export function toAmsterdamInstant(date: LocalDate, time: LocalTime): AmsterdamInstant {
  const dt = DateTime.fromObject({ ...date, hour: time.hour, minute: time.minute }, { zone: MEETING_ZONE });
  if (!dt.isValid) throw new RangeError(`Invalid wall-clock time ${toIsoDate(date)} ${toHhMm(time)}`);
  const actual = { hour: dt.hour, minute: dt.minute };
  if (actual.hour !== time.hour || actual.minute !== time.minute) {
    return { instant: dt.toJSDate(), time: actual, dst: { kind: 'gap', requested: time, actual } };
  }
  const candidates = dt.getPossibleOffsets();
  if (candidates.length > 1) {
    const earliest = candidates.reduce((a, b) => (a.toMillis() <= b.toMillis() ? a : b));
    return {
      instant: earliest.toJSDate(),
      time: actual,
      dst: { kind: 'ambiguous', time: actual, offsets: candidates.map((c) => c.toFormat('ZZ')) },
    };
  }
  return { instant: dt.toJSDate(), time: actual };
}
