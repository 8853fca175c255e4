import { DomainError } from '../features/errors';
import { amsterdamToday, LocalDate, LocalTime, toAmsterdamInstant, toHhMm, toIsoDate } from './calendar';
import { dstWarnings, holidayWarnings, pastWarnings, weekendWarnings } from './calendarWarnings';
import { DateMatch, matchDateAt } from './dateExpressions';
import { tokenize, Token } from './dutchWords';
import { formatDateFull, formatTimeFull } from './formatting';
import { DayPeriod, matchPeriodAt, matchTimeAt, resolveTime, TimeMatch } from './timeExpressions';
import type { DateWarning, UnderstoodItem } from './types';

/**
 * Dutch dates and times as coordinators type them in chat ("di 8 dec", "14-1 om half 1", "volgende week
 * dinsdag 17.30"), turned into an Amsterdam wall-clock date and time and then an instant. The token-level
 * matchers live in dateExpressions.ts and timeExpressions.ts; this module strings them together.
 */

export { MEETING_ZONE, toAmsterdamInstant, amsterdamToday, toIsoDate, toHhMm } from './calendar';
export type { LocalDate, LocalTime } from './calendar';
export type { DayPeriod } from './timeExpressions';
export { resolveTime } from './timeExpressions';
export { publicHolidayOn } from './calendarWarnings';
export {
  formatMeetingCompact,
  formatMeetingFull,
  formatMeetingRange,
  formatDateCompact,
  formatDateFull,
  formatTimeCompact,
  formatTimeFull,
} from './formatting';
export type { Lang, WallClock } from './formatting';

/** The date and time found in a piece of text; either may be missing (e.g. "verzet FTO naar 17:00"). */
export interface DateTimeParts {
  date?: DateMatch;
  time?: TimeMatch;
  period?: { period: DayPeriod; input: string };
  /** Words that are neither date nor time. */
  leftovers: Token[];
}

/** Scans all of `text` for one date, one time and a part of the day; a second date or time is an error. */
export function findDateTimeParts(text: string, now: Date): DateTimeParts {
  const tokens = tokenize(text);
  const today = amsterdamToday(now);
  const parts: DateTimeParts = { leftovers: [] };
  for (let i = 0; i < tokens.length; ) {
    const date = matchDateAt(tokens, i, today);
    if (date) {
      if (parts.date) throw new DomainError('meetings.plan.twoDates', { first: parts.date.input, second: date.input });
      parts.date = date;
      i += date.consumed;
      continue;
    }
    const time = matchTimeAt(tokens, i);
    if (time) {
      if (parts.time) throw new DomainError('meetings.plan.twoTimes', { first: parts.time.input, second: time.input });
      parts.time = time;
      i += time.consumed;
      continue;
    }
    const period = matchPeriodAt(tokens, i);
    if (period) {
      parts.period ??= period;
      i += period.consumed;
      continue;
    }
    parts.leftovers.push(tokens[i]);
    i += 1;
  }
  return parts;
}

export interface ParsedDate {
  date: LocalDate;
  /** 'YYYY-MM-DD' */
  localDate: string;
  input: string;
  period?: DayPeriod;
  warnings: DateWarning[];
}

export interface ParsedTime {
  time: LocalTime;
  /** 'HH:mm' */
  localTime: string;
  /** End of a range ("19:00-21:00"). */
  end?: LocalTime;
  input: string;
  warnings: DateWarning[];
}

export interface ParsedDateTime {
  date: LocalDate;
  time: LocalTime;
  localDate: string;
  localTime: string;
  /** The instant (UTC) of the Amsterdam wall-clock time. */
  startsAt: Date;
  end?: LocalTime;
  warnings: DateWarning[];
  understood: UnderstoodItem[];
}

function rejectLeftovers(parts: DateTimeParts, code: string, text: string): void {
  if (parts.leftovers.length > 0) {
    throw new DomainError(code, { input: text.trim(), words: parts.leftovers.map((t) => t.raw).join(' ') });
  }
}

/** The date in `text`, which must contain nothing else. */
export function parseDutchDate(text: string, now: Date): ParsedDate {
  const parts = findDateTimeParts(text, now);
  if (!parts.date || parts.time) throw new DomainError('meetings.date.unparseable', { input: text.trim() });
  rejectLeftovers(parts, 'meetings.date.unparseable', text);
  return dateResult(parts.date, parts.period?.period);
}

/** The time in `text`, which must contain nothing else ("half 1", "19:00 's avonds"). */
export function parseDutchTime(text: string, period?: DayPeriod): ParsedTime {
  const tokens = tokenize(text);
  const match = matchTimeAt(tokens, 0);
  if (!match) throw new DomainError('meetings.time.unparseable', { input: text.trim() });
  let i = match.consumed;
  const periodMatch = matchPeriodAt(tokens, i);
  if (periodMatch) i += periodMatch.consumed;
  if (i < tokens.length) throw new DomainError('meetings.time.unparseable', { input: text.trim() });
  return timeResult(match, periodMatch?.period ?? period);
}

/** A date and a time, e.g. "di 8 dec 12:30" or "morgen om half 8 's avonds". */
export function parseDutchDateTime(text: string, now: Date): ParsedDateTime {
  const parts = findDateTimeParts(text, now);
  if (!parts.date) throw new DomainError('meetings.plan.missingDate', { input: text.trim() });
  if (!parts.time) throw new DomainError('meetings.plan.missingTime', { input: text.trim() });
  rejectLeftovers(parts, 'meetings.date.unparseable', text);
  return combineDateTime(parts.date, parts.time, parts.period?.period, now);
}

export function dateResult(match: DateMatch, period?: DayPeriod): ParsedDate {
  return {
    date: match.date,
    localDate: toIsoDate(match.date),
    input: match.input,
    period: period ?? match.period,
    warnings: match.warnings,
  };
}

export function timeResult(match: TimeMatch, period?: DayPeriod): ParsedTime {
  const { time, warnings } = resolveTime(match.start, period);
  const end = match.end && resolveEnd(match.end, time);
  return { time, localTime: toHhMm(time), end, input: match.input, warnings };
}

/**
 * The end of a range is read like the start, then moved by 12 hours if that puts it after the start
 * ("19:00-9:00" is read as 19:00-21:00, not as ending the next morning).
 */
function resolveEnd(reading: TimeMatch['start'], start: LocalTime): LocalTime {
  const { time } = resolveTime(reading);
  const startMinutes = start.hour * 60 + start.minute;
  const endMinutes = time.hour * 60 + time.minute;
  if (endMinutes <= startMinutes && endMinutes + 12 * 60 > startMinutes && time.hour < 12) {
    return { hour: time.hour + 12, minute: time.minute };
  }
  return time;
}

/** Date + time → instant, with every warning a coordinator should see: DST, holiday, weekend, past. */
export function combineDateTime(dateMatch: DateMatch, timeMatch: TimeMatch, period: DayPeriod | undefined, now: Date): ParsedDateTime {
  const date = dateResult(dateMatch, period);
  const time = timeResult(timeMatch, date.period);
  const built = buildMeetingStart(date.date, time.time, now);
  return {
    date: date.date,
    time: built.time,
    localDate: date.localDate,
    localTime: toHhMm(built.time),
    startsAt: built.startsAt,
    end: time.end,
    warnings: [...date.warnings, ...time.warnings, ...built.warnings],
    understood: [understoodDate(date.date, date.input), understoodTime(built.time, time.input)],
  };
}

/** The instant of a wall-clock start plus the checks on that day (used for single meetings and series). */
export function buildMeetingStart(
  date: LocalDate,
  time: LocalTime,
  now: Date,
): { startsAt: Date; time: LocalTime; warnings: DateWarning[] } {
  const built = toAmsterdamInstant(date, time);
  return {
    startsAt: built.instant,
    time: built.time,
    warnings: [
      ...dstWarnings(date, built.dst),
      ...holidayWarnings(date),
      ...weekendWarnings(date),
      ...pastWarnings(date, built.instant, now),
    ],
  };
}

export function understoodDate(date: LocalDate, input: string): UnderstoodItem {
  return { field: 'date', input, nl: formatDateFull(date, 'nl'), en: formatDateFull(date, 'en') };
}

export function understoodTime(time: LocalTime, input: string): UnderstoodItem {
  return { field: 'time', input, nl: formatTimeFull(time, 'nl'), en: formatTimeFull(time, 'en') };
}
