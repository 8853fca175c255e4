import { DomainError } from '../features/errors';
import {
  addDays,
  addMonths,
  compareDates,
  isValidDate,
  LocalDate,
  mondayOf,
  nextWeekdayAfter,
  parseIsoDate,
  weekdayOf,
} from './calendar';
import { MONTHS, readCount, Token, WEEKDAYS } from './dutchWords';
import { dateParams, weekdayParams } from './warningParams';
import type { DayPeriod } from './timeExpressions';
import type { DateWarning } from './types';

/**
 * Recognises one Dutch date expression at a position in a token list. Hand-written rather than chrono-node:
 * chrono.nl misses bare "8-12", "overmorgen" and "over twee weken dinsdag", silently accepts a weekday
 * that does not match the date, and cannot tell us how many words it used, which the command parser needs
 * to find the group name and theme around the date.
 */

export interface DateMatch {
  date: LocalDate;
  /** Number of tokens the expression used. */
  consumed: number;
  /** The words as the user typed them, for "what I understood". */
  input: string;
  /** 'weekday' = a bare weekday ("dinsdag", "op dinsdag"): a series uses it as its weekday rule. */
  kind: 'explicit' | 'relative' | 'weekday';
  weekday?: number;
  /** "vanavond", "morgenavond" also say which part of the day is meant. */
  period?: DayPeriod;
  warnings: DateWarning[];
}

const RELATIVE_DAYS: Readonly<Record<string, { days: number; period?: DayPeriod }>> = {
  vandaag: { days: 0 },
  morgen: { days: 1 },
  overmorgen: { days: 2 },
  vanochtend: { days: 0, period: 'ochtend' },
  vanmorgen: { days: 0, period: 'ochtend' },
  vanmiddag: { days: 0, period: 'middag' },
  vanavond: { days: 0, period: 'avond' },
  morgenochtend: { days: 1, period: 'ochtend' },
  morgenmiddag: { days: 1, period: 'middag' },
  morgenavond: { days: 1, period: 'avond' },
};

/** Words that make the next weekday "the first one coming" ("komende dinsdag", "dinsdag a.s."). */
const UPCOMING = new Set(['komende', 'aanstaande', 'volgende', 'eerstvolgende']);

const joinRaw = (tokens: Token[], from: number, count: number) =>
  tokens.slice(from, from + count).map((t) => t.raw).join(' ');

export function matchDateAt(tokens: Token[], i: number, today: LocalDate): DateMatch | undefined {
  // "op 8 dec", "op dinsdag": the preposition belongs to the date.
  if (tokens[i]?.norm === 'op') {
    const inner = matchDateAt(tokens, i + 1, today);
    return inner && { ...inner, consumed: inner.consumed + 1, input: joinRaw(tokens, i, inner.consumed + 1) };
  }
  const found =
    matchRelativeDay(tokens, i, today) ??
    matchWeekOffset(tokens, i, today) ??
    matchInDays(tokens, i, today) ??
    matchUpcomingWeekday(tokens, i, today) ??
    matchWeekdayFirst(tokens, i, today) ??
    matchExplicit(tokens, i, today);
  return found && { ...found, input: joinRaw(tokens, i, found.consumed) };
}

type DateFound = Omit<DateMatch, 'input'>;

function matchRelativeDay(tokens: Token[], i: number, today: LocalDate): DateFound | undefined {
  const rel = RELATIVE_DAYS[tokens[i]?.norm ?? ''];
  if (!rel) return undefined;
  return { date: addDays(today, rel.days), consumed: 1, kind: 'relative', period: rel.period, warnings: [] };
}

/** "volgende week", "deze week", "over twee weken" (+ optional weekday). Returns the week offset. */
function readWeekOffset(tokens: Token[], i: number): { weeks: number; consumed: number } | undefined {
  const a = tokens[i]?.norm;
  const b = tokens[i + 1]?.norm;
  if ((a === 'volgende' || a === 'komende') && b === 'week') return { weeks: 1, consumed: 2 };
  if (a === 'deze' && b === 'week') return { weeks: 0, consumed: 2 };
  if (a === 'over' && (tokens[i + 2]?.norm === 'weken' || tokens[i + 2]?.norm === 'week')) {
    const n = readCount(b);
    if (n !== undefined) return { weeks: n, consumed: 3 };
  }
  return undefined;
}

function readWeekday(tokens: Token[], i: number): { weekday: number; consumed: number } | undefined {
  if (tokens[i]?.norm === 'op' && WEEKDAYS[tokens[i + 1]?.norm ?? ''] !== undefined) {
    return { weekday: WEEKDAYS[tokens[i + 1].norm], consumed: 2 };
  }
  const weekday = WEEKDAYS[tokens[i]?.norm ?? ''];
  return weekday === undefined ? undefined : { weekday, consumed: 1 };
}

/** The day `weekday` in the ISO week `weeks` weeks from today's week (Dutch weeks start on Monday). */
function weekdayInWeek(today: LocalDate, weeks: number, weekday: number): LocalDate {
  return addDays(mondayOf(today), weeks * 7 + weekday - 1);
}

function matchWeekOffset(tokens: Token[], i: number, today: LocalDate): DateFound | undefined {
  const offset = readWeekOffset(tokens, i);
  if (!offset) return undefined;
  const day = readWeekday(tokens, i + offset.consumed);
  if (day) {
    const date = weekdayInWeek(today, offset.weeks, day.weekday);
    return { date, consumed: offset.consumed + day.consumed, kind: 'relative', warnings: [] };
  }
  // "over twee weken" alone is a plain number of days; "volgende week" alone names no day at all.
  if (tokens[i].norm === 'over') {
    return { date: addDays(today, offset.weeks * 7), consumed: offset.consumed, kind: 'relative', warnings: [] };
  }
  throw new DomainError('meetings.date.needsWeekday', { input: joinRaw(tokens, i, offset.consumed) });
}

/** "over 3 dagen", "over een maand". */
function matchInDays(tokens: Token[], i: number, today: LocalDate): DateFound | undefined {
  if (tokens[i]?.norm !== 'over') return undefined;
  const n = readCount(tokens[i + 1]?.norm);
  const unit = tokens[i + 2]?.norm;
  if (n === undefined || unit === undefined) return undefined;
  if (unit === 'dag' || unit === 'dagen') {
    return { date: addDays(today, n), consumed: 3, kind: 'relative', warnings: [] };
  }
  if (unit === 'maand' || unit === 'maanden') {
    return { date: addMonths(today, n), consumed: 3, kind: 'relative', warnings: [] };
  }
  return undefined;
}

/**
 * "komende dinsdag", "volgende dinsdag": the first one after today. "volgende dinsdag" said on a Monday
 * may also mean next week's; we warn when the two readings differ.
 */
function matchUpcomingWeekday(tokens: Token[], i: number, today: LocalDate): DateFound | undefined {
  if (!UPCOMING.has(tokens[i]?.norm ?? '')) return undefined;
  const weekday = WEEKDAYS[tokens[i + 1]?.norm ?? ''];
  if (weekday === undefined) return undefined;
  const date = nextWeekdayAfter(today, weekday);
  const warnings: DateWarning[] = [];
  const nextWeeks = weekdayInWeek(today, 1, weekday);
  if (tokens[i].norm === 'volgende' && compareDates(date, nextWeeks) !== 0) {
    warnings.push({
      code: 'meetings.date.volgendeAmbiguous',
      params: { ...dateParams(date), ...dateParams(nextWeeks, 'alternative') },
    });
  }
  return { date, consumed: 2, kind: 'relative', warnings };
}

/**
 * A weekday first: "dinsdag 8 december" or "di 8" (checked against the date), "dinsdag volgende week",
 * "dinsdag a.s.", or a bare "dinsdag": the first one after today. Said on a Tuesday, "dinsdag" means
 * next week's: a coordinator planning for tonight says "vanavond".
 */
function matchWeekdayFirst(tokens: Token[], i: number, today: LocalDate): DateFound | undefined {
  const weekday = WEEKDAYS[tokens[i]?.norm ?? ''];
  if (weekday === undefined) return undefined;
  const explicit = matchExplicit(tokens, i + 1, today);
  if (explicit) {
    const warnings = [...explicit.warnings, ...weekdayMismatch(explicit.date, weekday)];
    return { ...explicit, consumed: explicit.consumed + 1, warnings };
  }
  const dayOnly = matchDayOfMonth(tokens, i + 1, today);
  if (dayOnly) {
    return { date: dayOnly, consumed: 2, kind: 'explicit', warnings: weekdayMismatch(dayOnly, weekday) };
  }
  const offset = readWeekOffset(tokens, i + 1);
  if (offset) {
    const date = weekdayInWeek(today, offset.weeks, weekday);
    return { date, consumed: 1 + offset.consumed, kind: 'relative', warnings: [] };
  }
  if (tokens[i + 1]?.norm === 'a.s' || tokens[i + 1]?.norm === 'as') {
    return { date: nextWeekdayAfter(today, weekday), consumed: 2, kind: 'relative', warnings: [] };
  }
  return { date: nextWeekdayAfter(today, weekday), consumed: 1, kind: 'weekday', weekday, warnings: [] };
}

/** Words after a number that make it something other than a day: "8 uur", "10 over 7", "8 weken". */
const NOT_A_DAY_AFTER = new Set([
  ...['uur', 'u', 'h', 'over', 'voor', 'min', 'minuten'],
  ...['keer', 'maal', 'week', 'weken', 'maand', 'maanden', 'dagen', 'dag'],
]);

/**
 * "do 14" (a weekday and a bare day number, as people write in chat): the next 14th from today. The
 * weekday is then checked against it like any other date.
 */
function matchDayOfMonth(tokens: Token[], i: number, today: LocalDate): LocalDate | undefined {
  const word = /^(\d{1,2})(?:e|de|ste)?$/.exec(tokens[i]?.norm ?? '');
  const next = tokens[i + 1]?.norm ?? '';
  if (!word || NOT_A_DAY_AFTER.has(next) || MONTHS[next] !== undefined) return undefined;
  const day = Number(word[1]);
  if (day < 1 || day > 31) return undefined;
  for (let k = 0; k < 3; k++) {
    const month = addMonths({ ...today, day: 1 }, k);
    const date = { ...month, day };
    if (isValidDate(date) && compareDates(date, today) >= 0) return date;
  }
  return undefined;
}

/** "ma 8 dec" when 8 December is a Tuesday: a warning with the nearest Monday as suggestion. */
function weekdayMismatch(date: LocalDate, given: number): DateWarning[] {
  const actual = weekdayOf(date);
  if (actual === given) return [];
  let shift = given - actual;
  if (shift > 3) shift -= 7;
  if (shift < -3) shift += 7;
  const suggestion = addDays(date, shift);
  return [
    {
      code: 'meetings.date.weekdayMismatch',
      params: {
        ...dateParams(date),
        ...weekdayParams(given, 'given'),
        ...weekdayParams(actual, 'actual'),
        ...dateParams(suggestion, 'suggestion'),
      },
    },
  ];
}

/**
 * Dates with a day and a month: ISO "2026-12-08", "8-12", "8-12-2026", "8/12", "8 dec", "8 december 2026".
 * Without a year the date is this year's, or next year's when this year's has passed ("14-1" said in
 * November is January next year).
 */
export function matchExplicit(tokens: Token[], i: number, today: LocalDate): DateFound | undefined {
  const word = tokens[i]?.norm;
  if (word === undefined) return undefined;

  const iso = /^\d{4}-\d{2}-\d{2}$/.test(word) ? parseIsoDate(word) : undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(word) && !iso) throw new DomainError('meetings.date.invalid', { input: tokens[i].raw });
  if (iso) return { date: iso, consumed: 1, kind: 'explicit', warnings: [] };

  const numeric = /^(\d{1,2})([-/])(\d{1,2})(?:\2(\d{4}|\d{2}))?$/.exec(word);
  // "19-21" (a time range) or "3-40" is not a date: only day 1-31 and month 1-12 count as one.
  if (numeric && Number(numeric[1]) <= 31 && Number(numeric[3]) <= 12) {
    const year = numeric[4] === undefined ? undefined : expandYear(numeric[4]);
    const date = resolveDayMonth(Number(numeric[1]), Number(numeric[3]), year, today, tokens[i].raw);
    return { date, consumed: 1, kind: 'explicit', warnings: [] };
  }

  const dayWord = /^(\d{1,2})(?:e|de|ste)?$/.exec(word);
  const month = MONTHS[tokens[i + 1]?.norm ?? ''];
  if (dayWord && month !== undefined) {
    const yearWord = tokens[i + 2]?.norm;
    const year = yearWord !== undefined && /^\d{4}$/.test(yearWord) ? Number(yearWord) : undefined;
    const consumed = year === undefined ? 2 : 3;
    const date = resolveDayMonth(Number(dayWord[1]), month, year, today, joinRaw(tokens, i, consumed));
    return { date, consumed, kind: 'explicit', warnings: [] };
  }
  return undefined;
}

/** "26" in "8-12-26" is 2026: nobody plans meetings in the 1900s. */
function expandYear(text: string): number {
  return text.length === 2 ? 2000 + Number(text) : Number(text);
}

function resolveDayMonth(day: number, month: number, year: number | undefined, today: LocalDate, input: string): LocalDate {
  if (year !== undefined) {
    const date = { year, month, day };
    if (!isValidDate(date)) throw new DomainError('meetings.date.invalid', { input });
    return date;
  }
  // This year's date if it is still ahead; otherwise the next year in which it exists (29 February).
  for (let y = today.year; y <= today.year + 4; y++) {
    const date = { year: y, month, day };
    if (isValidDate(date) && compareDates(date, today) >= 0) return date;
  }
  throw new DomainError('meetings.date.invalid', { input });
}

/** A month name alone, for "tot juli": the first of that month after `after` (or in `year` if given). */
export function matchMonthAt(
  tokens: Token[],
  i: number,
  after: LocalDate,
): { firstOfMonth: LocalDate; consumed: number } | undefined {
  const month = MONTHS[tokens[i]?.norm ?? ''];
  if (month === undefined) return undefined;
  const yearWord = tokens[i + 1]?.norm;
  if (yearWord !== undefined && /^\d{4}$/.test(yearWord)) {
    return { firstOfMonth: { year: Number(yearWord), month, day: 1 }, consumed: 2 };
  }
  const thisYear = { year: after.year, month, day: 1 };
  const firstOfMonth = compareDates(thisYear, after) > 0 ? thisYear : { ...thisYear, year: after.year + 1 };
  return { firstOfMonth, consumed: 1 };
}
