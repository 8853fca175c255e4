import { DomainError } from '../features/errors';
import { LocalTime } from './calendar';
import { NUMBER_WORDS, Token } from './dutchWords';
import { timeParams } from './warningParams';
import type { DateWarning } from './types';
import { wordTable } from '../text/wordTable';

/**
 * Recognises one Dutch time expression at a position in a token list, and decides which hour of the day
 * it means. Two notations behave differently (see `resolveTime`):
 * - digital: "12:30", "12.30 uur", "19u30" - people who type digits use the 24-hour clock;
 * - spoken: "om 9 uur", "9u", "half 1", "kwart over 3", "tien voor half 6" - these are 12-hour clock
 *   readings, so the parser has to pick the morning or the afternoon/evening.
 */

export type DayPeriod = 'ochtend' | 'middag' | 'avond' | 'nacht';

export interface ClockReading {
  hour: number;
  minute: number;
  notation: 'spoken' | 'digital';
  /**
   * The hour is already a 24-hour value ("06:30" with its leading zero, "half 14", "om 0 uur"); otherwise
   * an hour of 1-12 is a clock-face reading that `resolveTime` may move to the afternoon.
   */
  literal: boolean;
}

export interface TimeMatch {
  start: ClockReading;
  /** "19:00-21:00": the end of a range, which gives the duration. */
  end?: ClockReading;
  consumed: number;
  input: string;
}

const joinRaw = (tokens: Token[], from: number, count: number) =>
  tokens.slice(from, from + count).map((t) => t.raw).join(' ');

/** Hours named in speech: "9", "negen", "twaalf". Up to 24 so "half 14" still means 13:30. */
function readHourWord(word: string | undefined): number | undefined {
  if (word === undefined) return undefined;
  const n = /^\d{1,2}$/.test(word) ? Number(word) : NUMBER_WORDS[word];
  return n !== undefined && n >= 0 && n <= 24 ? n : undefined;
}

/** Minutes in "tien over 7", "5 voor half 6", "kwart over 3". */
function readMinuteWord(word: string | undefined): number | undefined {
  if (word === 'kwart') return 15;
  if (word === undefined) return undefined;
  const n = /^\d{1,2}$/.test(word) ? Number(word) : NUMBER_WORDS[word];
  return n !== undefined && n >= 1 && n <= 29 ? n : undefined;
}

const DIGITAL = /^(\d{1,2})[:.uh](\d{2})$/;
const DIGITAL_RANGE = /^(\d{1,2}[:.uh]\d{2})-(\d{1,2}[:.uh]\d{2})$/;

function readDigital(word: string | undefined, input: string): ClockReading | undefined {
  const m = word === undefined ? null : DIGITAL.exec(word);
  if (!m) return undefined;
  const hour = Number(m[1]);
  const minute = Number(m[2]);
  if (hour > 24 || minute > 59 || (hour === 24 && minute > 0)) throw new DomainError('meetings.time.invalid', { input });
  return { hour: hour % 24, minute, notation: 'digital', literal: m[1].length === 2 && m[1].startsWith('0') };
}

const isUurWord = (word: string | undefined) => word === 'uur' || word === 'u' || word === 'h';

export function matchTimeAt(tokens: Token[], i: number): TimeMatch | undefined {
  const word = tokens[i]?.norm;
  if (word === undefined) return undefined;
  // "om 9 uur", "om half 1", "om 9". ("om de 8 weken" matches nothing here: the series parser takes it.)
  if (word === 'om') {
    const inner = matchTimeAt(tokens, i + 1) ?? matchBareHour(tokens, i + 1);
    return inner && { ...inner, consumed: inner.consumed + 1, input: joinRaw(tokens, i, inner.consumed + 1) };
  }
  // "van 19:00 tot 21:00"
  if (word === 'van') {
    const from = readDigital(tokens[i + 1]?.norm, tokens[i + 1]?.raw ?? '');
    const sep = tokens[i + 2]?.norm;
    const to = readDigital(tokens[i + 3]?.norm, tokens[i + 3]?.raw ?? '');
    if (from && to && (sep === 'tot' || sep === '-')) {
      const consumed = isUurWord(tokens[i + 4]?.norm) ? 5 : 4;
      return { start: from, end: to, consumed, input: joinRaw(tokens, i, consumed) };
    }
    return undefined;
  }
  const found = matchDigital(tokens, i) ?? matchSpoken(tokens, i);
  return found && { ...found, input: joinRaw(tokens, i, found.consumed) };
}

type TimeFound = Omit<TimeMatch, 'input'>;

/** "12:30", "12.30 uur", "19u30", "19:00-21:00", "19:00 - 21:00". */
function matchDigital(tokens: Token[], i: number): TimeFound | undefined {
  const word = tokens[i].norm;
  const range = DIGITAL_RANGE.exec(word);
  if (range) {
    const start = readDigital(range[1], tokens[i].raw)!;
    const end = readDigital(range[2], tokens[i].raw)!;
    return { start, end, consumed: isUurWord(tokens[i + 1]?.norm) ? 2 : 1 };
  }
  const start = readDigital(word, tokens[i].raw);
  if (!start) return undefined;
  if (tokens[i + 1]?.norm === '-' || tokens[i + 1]?.norm === 'tot') {
    const end = readDigital(tokens[i + 2]?.norm, tokens[i + 2]?.raw ?? '');
    if (end) return { start, end, consumed: isUurWord(tokens[i + 3]?.norm) ? 4 : 3 };
  }
  return { start, consumed: isUurWord(tokens[i + 1]?.norm) ? 2 : 1 };
}

/** After "om" a bare number is an hour: "om 9", "om twee". */
function matchBareHour(tokens: Token[], i: number): TimeFound | undefined {
  const hour = readHourWord(tokens[i]?.norm);
  return hour === undefined ? undefined : { start: spoken(hour * 60, hour), consumed: 1 };
}

/**
 * A spoken time as minutes after the named hour's 12-hour clock face. Dutch half hours point to the
 * next hour: "half 1" is 30 minutes before 1, so 12:30; "tien voor half 6" is 5:20.
 */
function matchSpoken(tokens: Token[], i: number): TimeFound | undefined {
  const w = (k: number) => tokens[i + k]?.norm;

  // "9u", "12h"
  const hourU = /^(\d{1,2})[uh]$/.exec(w(0) ?? '');
  if (hourU) return hourOnly(Number(hourU[1]), tokens[i].raw, 1);

  // "9 uur", "negen uur"; "2 uur lang" is a duration and is taken before we get here.
  const hour = /^\d{1,2}$/.test(w(0) ?? '') ? Number(w(0)) : readHourWord(w(0));
  if (hour !== undefined && isUurWord(w(1))) return hourOnly(hour, joinRaw(tokens, i, 2), 2);

  // "half 1"
  if (w(0) === 'half') {
    const named = readHourWord(w(1));
    return named === undefined ? undefined : { start: spoken(named * 60 - 30, named), consumed: 2 };
  }

  // "kwart over 3", "10 over 7", "vijf voor half 2"
  const minutes = readMinuteWord(w(0));
  const direction = w(1);
  if (minutes === undefined || (direction !== 'over' && direction !== 'voor')) return undefined;
  const sign = direction === 'over' ? 1 : -1;
  if (w(2) === 'half') {
    const named = readHourWord(w(3));
    if (named === undefined || minutes >= 30) return undefined;
    return { start: spoken(named * 60 - 30 + sign * minutes, named), consumed: 4 };
  }
  const named = readHourWord(w(2));
  if (named === undefined) return undefined;
  return { start: spoken(named * 60 + sign * minutes, named), consumed: 3 };
}

function hourOnly(hour: number, input: string, consumed: number): TimeFound {
  if (hour > 24) throw new DomainError('meetings.time.invalid', { input });
  return { start: spoken(hour * 60, hour), consumed };
}

/**
 * A spoken reading. `namedHour` 1-12 means a 12-hour clock face: "half 1" (0:30) is shown as 12:30 and
 * left for `resolveTime` to place in the day. A named hour of 13-24 or 0 is already a 24-hour time.
 */
function spoken(totalMinutes: number, namedHour: number): ClockReading {
  const minutesOfDay = (totalMinutes + 24 * 60) % (24 * 60);
  let hour = Math.floor(minutesOfDay / 60);
  if (namedHour >= 1 && namedHour <= 12 && hour === 0) hour = 12;
  return { hour, minute: minutesOfDay % 60, notation: 'spoken', literal: namedHour === 0 || namedHour > 12 };
}

const PERIOD_WORDS: Readonly<Record<string, DayPeriod>> = wordTable({
  ochtends: 'ochtend',
  morgens: 'ochtend',
  middags: 'middag',
  avonds: 'avond',
  nachts: 'nacht',
});
const IN_DE: Readonly<Record<string, DayPeriod>> = wordTable({ ochtend: 'ochtend', morgen: 'ochtend', middag: 'middag', avond: 'avond', nacht: 'nacht' });

/** "'s avonds", "'s-avonds", "savonds", "s avonds", "in de avond". */
export function matchPeriodAt(tokens: Token[], i: number): { period: DayPeriod; consumed: number; input: string } | undefined {
  const w0 = tokens[i]?.norm ?? '';
  const w1 = tokens[i + 1]?.norm ?? '';
  const single = /^'?s'?-?([a-z]+)$/.exec(w0);
  if (single && PERIOD_WORDS[single[1]]) return { period: PERIOD_WORDS[single[1]], consumed: 1, input: tokens[i].raw };
  if ((w0 === "'s" || w0 === 's') && PERIOD_WORDS[w1]) {
    return { period: PERIOD_WORDS[w1], consumed: 2, input: joinRaw(tokens, i, 2) };
  }
  if (w0 === 'in' && w1 === 'de' && IN_DE[tokens[i + 2]?.norm ?? '']) {
    return { period: IN_DE[tokens[i + 2].norm], consumed: 3, input: joinRaw(tokens, i, 3) };
  }
  return undefined;
}

/** Meetings start in this window; outside it we warn, inside it a second reading makes a time ambiguous. */
export const USUAL_START_FROM = 7 * 60;
export const USUAL_START_UNTIL = 21 * 60 + 30;

/**
 * Places a clock reading in the day.
 *
 * Why these rules: GP groups meet from early morning (07:30 breakfast FTO) to late evening (after surgery
 * hours, often 19:00-21:30), never at night.
 * - 24-hour readings (13:00-23:59, 0:xx, or a leading zero like "06:30") are taken literally.
 * - "'s ochtends", "'s middags", "'s avonds", "'s nachts" (or "vanavond", "morgenavond") decide.
 * - Digits without such a word ("8:30", "12.30"): literal, because people who type digits in Dutch use
 *   the 24-hour clock; only 1-6 without a leading zero ("1.30", "6:00") become afternoon, since nobody
 *   schedules a meeting at half past one at night.
 * - Spoken hours ("om 3 uur", "half 8", "9u"): 12 is noon ("half 1" = 12:30); 1-7 are afternoon and
 *   evening ("om 3 uur" = 15:00, "om 7 uur" = 19:00, "half 8" = 19:30, since evening meetings are common
 *   and 7 a.m. ones are rare); 8-11 stay morning ("om 9 uur" = 09:00). When the other reading is also a
 *   usual meeting time (7 vs 19, 8 vs 20, 9 vs 21) we add a warning that names the alternative.
 *   The rule looks at the hour the time falls in, not the hour that is named: "kwart voor 8" is 7:45,
 *   so 19:45 like "half 8", while "10 over 8" is 08:10.
 */
export function resolveTime(reading: ClockReading, period?: DayPeriod): { time: LocalTime; warnings: DateWarning[] } {
  const { hour, minute } = reading;
  const warnings: DateWarning[] = [];
  let resolved = hour;
  const twelveHour = hour >= 1 && hour <= 12 && !reading.literal;
  if (twelveHour && period) {
    resolved = applyPeriod(hour, period);
  } else if (twelveHour && reading.notation === 'digital') {
    resolved = hour <= 6 ? hour + 12 : hour;
  } else if (twelveHour) {
    resolved = hour === 12 ? 12 : hour <= 7 ? hour + 12 : hour;
    const alternative = hour === 12 ? 0 : resolved >= 12 ? resolved - 12 : resolved + 12;
    const altMinutes = alternative * 60 + minute;
    if (altMinutes >= USUAL_START_FROM && altMinutes <= USUAL_START_UNTIL) {
      warnings.push({
        code: 'meetings.time.ambiguous',
        params: { ...timeParams({ hour: resolved, minute }), ...timeParams({ hour: alternative, minute }, 'alternative') },
      });
    }
  }
  const time = { hour: resolved, minute };
  const minutesOfDay = resolved * 60 + minute;
  if (minutesOfDay < USUAL_START_FROM || minutesOfDay > USUAL_START_UNTIL) {
    warnings.push({ code: 'meetings.time.unusual', params: timeParams(time) });
  }
  return { time, warnings };
}

function applyPeriod(hour: number, period: DayPeriod): number {
  switch (period) {
    case 'ochtend':
    case 'nacht':
      return hour === 12 ? 0 : hour;
    case 'middag':
      return hour === 12 ? 12 : hour + 12;
    case 'avond':
      return hour === 12 ? 0 : hour + 12;
  }
}
