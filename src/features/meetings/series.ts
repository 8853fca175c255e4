import { DomainError } from '../errors';
import {
  addDays,
  addMonths,
  compareDates,
  daysInMonth,
  LocalDate,
  LocalTime,
  nextWeekdayAfter,
  toHhMm,
  toIsoDate,
  weekdayOf,
  weekdayOnOrAfter,
} from '../../dates/calendar';
import { buildMeetingStart } from '../../dates/dutchDates';
import { dateParams } from '../../dates/warningParams';
import type { MeetingWarning } from './types';

/**
 * Expands a recurring plan ("elke 8 weken op dinsdag 12:30 vanaf 13 jan tot juli") into dates. Every
 * occurrence keeps the same Amsterdam wall-clock time and gets its own instant, so a series across the
 * clock change stays at 12:30 local. Each occurrence carries its own warnings (holiday, weekend, DST).
 */

/** A year plan rarely needs more; more than this is almost always a typo in the interval or end date. */
export const MAX_SERIES_OCCURRENCES = 26;

export type Recurrence =
  | { frequency: 'weekly'; interval: number; weekday?: number }
  /** Monthly on the same day of the month as the first date ("elke maand" from 13 jan: the 13th). */
  | { frequency: 'monthly'; interval: number; mode: 'dayOfMonth' }
  /** "elke tweede dinsdag van de maand"; ordinal -1 = the last one. */
  | { frequency: 'monthly'; interval: number; mode: 'weekdayOfMonth'; weekday: number; ordinal: number };

/**
 * Where the series stops. "tot" follows the Dutch formal reading: up to but not including ("tot juli" =
 * the last meeting is in June; "tot 30 juni" excludes 30 June), while "t/m" / "tot en met" includes.
 */
export type SeriesEnd =
  | { kind: 'date'; date: LocalDate; inclusive: boolean }
  | { kind: 'month'; month: number; year?: number; inclusive: boolean };

export interface SeriesRequest {
  recurrence: Recurrence;
  /** "vanaf 13 jan", or the plain date in the command. */
  from?: LocalDate;
  until?: SeriesEnd;
  /** "6 keer". */
  count?: number;
  time: LocalTime;
  now: Date;
  today: LocalDate;
}

export interface SeriesOccurrence {
  localDate: string;
  localTime: string;
  startsAt: Date;
  warnings: MeetingWarning[];
}

export interface ExpandedSeries {
  recurrence: Recurrence;
  /** First date of the series, 'YYYY-MM-DD'. */
  from: string;
  /** The first date that is no longer part of the series, 'YYYY-MM-DD'. */
  untilExclusive: string;
  occurrences: SeriesOccurrence[];
  /** Warnings about the series as a whole (shifted start, default end, cap). */
  warnings: MeetingWarning[];
}

export function expandSeries(req: SeriesRequest): ExpandedSeries {
  const warnings: MeetingWarning[] = [];
  const first = firstDate(req, warnings);
  const end = endExclusive(req, first, warnings);
  const dates: LocalDate[] = [];
  const clamped = new Set<string>();
  const limit = Math.min(req.count ?? Infinity, MAX_SERIES_OCCURRENCES + 1);
  for (let k = 0; dates.length < limit; k++) {
    const date = nthDate(req.recurrence, first, k);
    if (compareDates(date, end) >= 0) {
      if (req.until?.kind === 'date' && !req.until.inclusive && compareDates(date, req.until.date) === 0) {
        warnings.push({ code: 'meetings.series.untilExcluded', params: dateParams(date) });
      }
      break;
    }
    if (req.recurrence.frequency === 'monthly' && req.recurrence.mode === 'dayOfMonth' && date.day !== first.day) {
      clamped.add(toIsoDate(date));
    }
    dates.push(date);
  }
  if (dates.length > MAX_SERIES_OCCURRENCES) {
    dates.length = MAX_SERIES_OCCURRENCES;
    warnings.push({
      code: 'meetings.series.capped',
      params: { max: MAX_SERIES_OCCURRENCES, ...dateParams(dates[dates.length - 1], 'last') },
    });
  }
  const occurrences = dates.map((date) => occurrence(date, req, clamped.has(toIsoDate(date)), first.day));
  return { recurrence: req.recurrence, from: toIsoDate(first), untilExclusive: toIsoDate(end), occurrences, warnings };
}

function occurrence(date: LocalDate, req: SeriesRequest, clamped: boolean, wantedDay: number): SeriesOccurrence {
  const built = buildMeetingStart(date, req.time, req.now);
  const warnings = clamped
    ? [{ code: 'meetings.series.dayClamped', params: { ...dateParams(date), day: wantedDay } }, ...built.warnings]
    : built.warnings;
  return { localDate: toIsoDate(date), localTime: toHhMm(built.time), startsAt: built.startsAt, warnings };
}

/** The first meeting: on or after "vanaf", on the rule's weekday; without "vanaf" the first one after today. */
function firstDate(req: SeriesRequest, warnings: MeetingWarning[]): LocalDate {
  const { recurrence, from } = req;
  if (recurrence.frequency === 'weekly' && recurrence.weekday !== undefined) {
    if (!from) return nextWeekdayAfter(req.today, recurrence.weekday);
    const first = weekdayOnOrAfter(from, recurrence.weekday);
    if (compareDates(first, from) !== 0) {
      warnings.push({ code: 'meetings.series.startShifted', params: { ...dateParams(from, 'from'), ...dateParams(first) } });
    }
    return first;
  }
  if (recurrence.frequency === 'monthly' && recurrence.mode === 'weekdayOfMonth') {
    const start = from ?? addDays(req.today, 1);
    for (let k = 0; ; k++) {
      const month = addMonths({ ...start, day: 1 }, k);
      const date = weekdayOfMonth(month.year, month.month, recurrence.weekday, recurrence.ordinal);
      if (compareDates(date, start) >= 0) return date;
    }
  }
  if (!from) throw new DomainError('meetings.series.noStart');
  return from;
}

function nthDate(recurrence: Recurrence, first: LocalDate, k: number): LocalDate {
  if (recurrence.frequency === 'weekly') return addDays(first, 7 * recurrence.interval * k);
  // Always counted from the first date, so a clamped 28 February does not turn every later month into the 28th.
  const month = addMonths({ ...first, day: 1 }, recurrence.interval * k);
  if (recurrence.mode === 'dayOfMonth') {
    return { ...month, day: Math.min(first.day, daysInMonth(month.year, month.month)) };
  }
  return weekdayOfMonth(month.year, month.month, recurrence.weekday, recurrence.ordinal);
}

export function weekdayOfMonth(year: number, month: number, weekday: number, ordinal: number): LocalDate {
  if (ordinal === -1) {
    const last = { year, month, day: daysInMonth(year, month) };
    return addDays(last, -((weekdayOf(last) - weekday + 7) % 7));
  }
  const firstOfMonth = weekdayOnOrAfter({ year, month, day: 1 }, weekday);
  return addDays(firstOfMonth, 7 * (ordinal - 1));
}

/** Without an end the series runs for a year (one jaaragenda) from the first date, with a warning. */
function endExclusive(req: SeriesRequest, first: LocalDate, warnings: MeetingWarning[]): LocalDate {
  const until = req.until;
  if (!until) {
    const end = addMonths(first, 12);
    if (req.count === undefined) warnings.push({ code: 'meetings.series.defaultEnd', params: dateParams(addDays(end, -1)) });
    return end;
  }
  let end: LocalDate;
  if (until.kind === 'date') {
    end = until.inclusive ? addDays(until.date, 1) : until.date;
  } else {
    // "tot juli" after a January start is July of that year; "tot maart" after a May start is next March.
    let firstOfMonth = { year: until.year ?? first.year, month: until.month, day: 1 };
    if (until.year === undefined && compareDates(firstOfMonth, first) <= 0) firstOfMonth = { ...firstOfMonth, year: first.year + 1 };
    end = until.inclusive ? addMonths(firstOfMonth, 1) : firstOfMonth;
  }
  if (compareDates(end, first) <= 0) {
    throw new DomainError('meetings.series.endBeforeStart', { ...dateParams(first, 'from'), ...dateParams(end, 'until') });
  }
  return end;
}
