import { DomainError } from '../features/errors';
import {
  addDays,
  addMonths,
  compareDates,
  daysBetween,
  isValidDate,
  LocalDate,
  mondayOf,
  nextWeekdayAfter,
  parseIsoDate,
  weekdayOf,
} from './calendar';
import { MONTHS, readCount, Token, WEEKDAYS } from './dutchWords';
import { agoParams, dateParams, dayMonthParams, weekdayParams } from './warningParams';
import type { DayPeriod } from './timeExpressions';
import type { DateWarning } from './types';
import { wordTable } from '../text/wordTable';

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
  /**
   * A date typed without a year ("30 nov", "do 14") whose most recent occurrence had already passed, so a
   * later one was taken: that passed occurrence. A weekday typed with it may point back to it.
   */
  passed?: LocalDate;
  warnings: DateWarning[];
}

/**
 * How far back a weekday may pull a date typed without a year: a coordinator who writes "ma 30 nov" on
 * Thursday 3 December means the Monday that just was (registering a meeting that happened, for its
 * verslag and presentielijst), not Tuesday 30 November next year. Groups meet every 6 to 8 weeks, so a
 * meeting registered afterwards lies at most one cycle back.
 */
export const RECENT_PAST_DAYS = 8 * 7;

const RELATIVE_DAYS: Readonly<Record<string, { days: number; period?: DayPeriod }>> = wordTable({
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
});

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
  if (explicit) return { ...checkWeekday(explicit, weekday, today), consumed: explicit.consumed + 1 };
  const dayOnly = matchDayOfMonth(tokens, i + 1, today);
  if (dayOnly) {
    return { ...checkWeekday({ date: dayOnly.date, passed: dayOnly.passed, consumed: 1, kind: 'explicit', warnings: [] }, weekday, today), consumed: 2 };
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
function matchDayOfMonth(tokens: Token[], i: number, today: LocalDate): { date: LocalDate; passed?: LocalDate } | undefined {
  const word = /^(\d{1,2})(?:e|de|ste)?$/.exec(tokens[i]?.norm ?? '');
  const next = tokens[i + 1]?.norm ?? '';
  if (!word || NOT_A_DAY_AFTER.has(next) || MONTHS[next] !== undefined) return undefined;
  const day = Number(word[1]);
  if (day < 1 || day > 31) return undefined;
  const firstOfMonth = { ...today, day: 1 };
  let passed: LocalDate | undefined;
  for (let k = 0; k < 3 && !passed; k++) {
    const date = { ...addMonths(firstOfMonth, -k), day };
    if (isValidDate(date) && compareDates(date, today) < 0) passed = date;
  }
  for (let k = 0; k < 3; k++) {
    const date = { ...addMonths(firstOfMonth, k), day };
    if (isValidDate(date) && compareDates(date, today) >= 0) return { date, passed };
  }
  return undefined;
}

/**
 * A weekday typed with a date ("ma 30 nov", "ma 30"). When it does not match the date ahead but does match
 * the one that just passed (within RECENT_PAST_DAYS), the recent date is meant: take it and say that it
 * lies in the past. Otherwise keep the date ahead and warn about the weekday, and, when the weekday fits
 * the passed date of an earlier year, say in words which year was read: a date never moves a year silently.
 */
function checkWeekday(found: DateFound, weekday: number, today: LocalDate): DateFound {
  if (weekdayOf(found.date) === weekday) return found;
  const passed = found.passed;
  const daysAgo = passed ? daysBetween(passed, today) : Infinity;
  if (passed && weekdayOf(passed) === weekday && daysAgo <= RECENT_PAST_DAYS) {
    const recentPast: DateWarning = {
      code: 'meetings.date.recentPast',
      params: { ...dateParams(passed), ...agoParams(daysAgo), ...weekdayParams(weekday, 'given'), ...dateParams(found.date, 'later') },
    };
    return { ...found, date: passed, passed: undefined, warnings: [...found.warnings.filter((w) => w.code !== 'meetings.date.yearMoved'), recentPast] };
  }
  const warnings = [...found.warnings];
  // the date went into next year and the weekday points back to this year's, too long ago to take: say so
  if (passed && found.date.year !== today.year && weekdayOf(passed) === weekday && !warnings.some((w) => w.code === 'meetings.date.yearMoved')) {
    warnings.push(yearMoved(found.date, passed));
  }
  return { ...found, warnings: [...warnings, ...weekdayMismatch(found.date, weekday)] };
}

/** "30 november is al voorbij (maandag 30 november 2026), dus ik lees dinsdag 30 november 2027." */
function yearMoved(date: LocalDate, passed: LocalDate): DateWarning {
  return { code: 'meetings.date.yearMoved', params: { ...dayMonthParams(date), ...dateParams(date), ...dateParams(passed, 'passed') } };
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
    const resolved = resolveDayMonth(Number(numeric[1]), Number(numeric[3]), year, today, tokens[i].raw);
    return { ...resolved, consumed: 1, kind: 'explicit', warnings: recentYearMove(resolved, today) };
  }

  const dayWord = /^(\d{1,2})(?:e|de|ste)?$/.exec(word);
  const month = MONTHS[tokens[i + 1]?.norm ?? ''];
  if (dayWord && month !== undefined) {
    const yearWord = tokens[i + 2]?.norm;
    const year = yearWord !== undefined && /^\d{4}$/.test(yearWord) ? Number(yearWord) : undefined;
    const consumed = year === undefined ? 2 : 3;
    const resolved = resolveDayMonth(Number(dayWord[1]), month, year, today, joinRaw(tokens, i, consumed));
    return { ...resolved, consumed, kind: 'explicit', warnings: recentYearMove(resolved, today) };
  }
  return undefined;
}

/** "26" in "8-12-26" is 2026: nobody plans meetings in the 1900s. */
function expandYear(text: string): number {
  return text.length === 2 ? 2000 + Number(text) : Number(text);
}

function resolveDayMonth(day: number, month: number, year: number | undefined, today: LocalDate, input: string): { date: LocalDate; passed?: LocalDate } {
  if (year !== undefined) {
    const date = { year, month, day };
    if (!isValidDate(date)) throw new DomainError('meetings.date.invalid', { input });
    return { date };
  }
  // This year's date if it is still ahead; otherwise the next year in which it exists (29 February).
  // `passed` is the latest occurrence before today, last year's too: "ma 28 dec" typed on 4 January.
  let passed: LocalDate | undefined;
  for (let y = today.year; y >= today.year - 4 && !passed; y--) {
    const date = { year: y, month, day };
    if (isValidDate(date) && compareDates(date, today) < 0) passed = date;
  }
  for (let y = today.year; y <= today.year + 4; y++) {
    const date = { year: y, month, day };
    if (isValidDate(date) && compareDates(date, today) >= 0) return { date, passed };
  }
  throw new DomainError('meetings.date.invalid', { input });
}

/**
 * "30 nov" typed a few days after 30 November is read as next year's, as before, but not silently: the
 * date that just passed is named, so a coordinator who meant it sees the jump. Dates long past ("14-1"
 * in November) are plainly next year's and need no remark.
 */
function recentYearMove(resolved: { date: LocalDate; passed?: LocalDate }, today: LocalDate): DateWarning[] {
  const { date, passed } = resolved;
  if (!passed || passed.year === date.year || daysBetween(passed, today) > RECENT_PAST_DAYS) return [];
  return [yearMoved(date, passed)];
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
