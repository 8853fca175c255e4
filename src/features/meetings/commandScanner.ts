import { amsterdamToday, LocalDate } from '../../dates/calendar';
import { DateMatch, matchDateAt, matchMonthAt } from '../../dates/dateExpressions';
import { MONTHS, ORDINALS, readCount, Token, tokenize, WEEKDAYS } from '../../dates/dutchWords';
import { GroupMatch, groupKeys, isGroupPrefix, matchGroupAt } from './groupNames';
import type { Recurrence, SeriesEnd } from './series';
import { DayPeriod, matchPeriodAt, matchTimeAt, TimeMatch } from '../../dates/timeExpressions';
import { MEETING_TYPE_ALIASES, MeetingType } from './types';

/**
 * Splits a `plan ...` command into its parts. A command has a head and an optional tail:
 *
 *   plan <type> <date> <time> [wijkgroep] [duration] [series rule]   (any order)
 *        [locatie <text>] [online <url>] [over <theme>]              (free text, up to the next marker)
 *
 * In the head every word must be recognised (unknown words come back in `ignored`). The tail is free
 * text, so dates and times are only looked for in the head: "over" is only a theme marker when it is not
 * part of "over twee weken" or "kwart over 3", which the head matchers try first.
 */

interface Found<T> {
  value: T;
  input: string;
}

export interface ScannedCommand {
  today: LocalDate;
  types: Found<MeetingType>[];
  dates: DateMatch[];
  times: TimeMatch[];
  period?: Found<DayPeriod>;
  duration?: Found<number>;
  group?: GroupMatch;
  location?: string;
  theme?: string;
  onlineUrl?: string;
  isOnline: boolean;
  recurrence?: Found<Recurrence>;
  from?: DateMatch;
  until?: Found<SeriesEnd>;
  count?: Found<number>;
  ignored: Token[];
}

/** Words that only glue the sentence together ("plan FTO op 8 dec om 12:30 voor wijkgroep Oost"). */
const FILLERS = new Set([
  ...['plan', 'plannen', 'inplannen', 'nieuw', 'nieuwe'],
  ...['op', 'om', 'de', 'het', 'een', 'met', 'voor', 'in', 'van', 'en', 'bij', '-', 'wijkgroep', 'groep'],
]);
const LOCATION_MARKERS = new Set(['locatie', 'plaats', 'adres', 'waar', 'bij']);
const THEME_MARKERS = new Set(['over', 'thema', 'onderwerp']);
const ONLINE_WORDS = new Set(['online', 'link', 'teams-link', 'teamslink']);
const URL = /^https?:\/\/\S+$/i;

export function scanCommand(text: string, now: Date, groupNames: readonly string[]): ScannedCommand {
  const tokens = tokenize(text);
  const keys = groupKeys(groupNames);
  const scan: ScannedCommand = { today: amsterdamToday(now), types: [], dates: [], times: [], isOnline: false, ignored: [] };
  const raw = (from: number, count: number) => tokens.slice(from, from + count).map((t) => t.raw).join(' ');

  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i];
    if (URL.test(token.raw)) {
      scan.onlineUrl = cleanUrl(token.raw);
      scan.isOnline = true;
      i += 1;
      continue;
    }
    const type = matchType(token);
    if (type) {
      scan.types.push({ value: type, input: token.raw });
      i += 1;
      continue;
    }
    const series = matchSeriesAt(tokens, i, scan.today);
    if (series) {
      if (series.recurrence) scan.recurrence = { value: series.recurrence, input: raw(i, series.consumed) };
      if (series.from) scan.from = series.from;
      if (series.until) scan.until = { value: series.until, input: raw(i, series.consumed) };
      if (series.count !== undefined) scan.count = { value: series.count, input: raw(i, series.consumed) };
      i += series.consumed;
      continue;
    }
    const duration = matchDurationAt(tokens, i);
    if (duration) {
      scan.duration = { value: duration.minutes, input: raw(i, duration.consumed) };
      i += duration.consumed;
      continue;
    }
    const date = matchDateAt(tokens, i, scan.today);
    if (date) {
      scan.dates.push(date);
      i += date.consumed;
      continue;
    }
    const time = matchTimeAt(tokens, i);
    if (time) {
      scan.times.push(time);
      i += time.consumed;
      continue;
    }
    const period = matchPeriodAt(tokens, i);
    if (period) {
      scan.period ??= { value: period.period, input: period.input };
      i += period.consumed;
      continue;
    }
    const group = matchGroupAt(tokens, i, keys);
    if (group) {
      scan.group ??= group;
      i += group.consumed;
      continue;
    }
    if (ONLINE_WORDS.has(token.norm)) {
      scan.isOnline = true;
      i += 1;
      continue;
    }
    // "bij wijkgroep Oost" / "bij Oost" name the group; "bij Apotheek De Linde" is a place.
    const namesGroup = isGroupPrefix(tokens[i + 1]) || matchGroupAt(tokens, i + 1, keys) !== undefined;
    const startsTail =
      THEME_MARKERS.has(token.norm) || (LOCATION_MARKERS.has(token.norm) && !namesGroup && tokens[i + 1] !== undefined);
    if (startsTail) {
      scanTail(text, tokens, i, scan, keys);
      break;
    }
    if (!FILLERS.has(token.norm)) scan.ignored.push(token);
    i += 1;
  }
  return scan;
}

/** "FTO", "patz", and "FTO-overleg" / "PaTz-bijeenkomst". */
function matchType(token: Token): MeetingType | undefined {
  const direct = MEETING_TYPE_ALIASES[token.norm];
  if (direct) return direct;
  const [head, ...rest] = token.norm.split('-');
  return rest.length > 0 ? MEETING_TYPE_ALIASES[head] : undefined;
}

/** Trailing punctuation after a pasted link ("...abc)," or "...abc.") is not part of it. */
function cleanUrl(raw: string): string {
  return raw.replace(/[.,;:!?)>\]]+$/, '').replace(/^</, '');
}

/**
 * The free-text tail: "locatie Huisartsenpost Oost online https://... over jaarplan". A location ends at
 * a theme marker; a theme only ends at "locatie"/"adres", a link or "wijkgroep <name>", because themes
 * are sentences ("over antistolling bij ouderen") and may contain other marker words.
 */
function scanTail(text: string, tokens: Token[], start: number, scan: ScannedCommand, keys: ReturnType<typeof groupKeys>): void {
  let segment: { kind: 'location' | 'theme'; tokens: Token[] } | undefined;
  const close = () => {
    if (segment && segment.tokens.length > 0) {
      const first = segment.tokens[0];
      const last = segment.tokens[segment.tokens.length - 1];
      const value = cleanText(text.slice(first.start, last.end));
      if (value) {
        if (segment.kind === 'location') scan.location = value;
        else scan.theme = value;
      }
    }
    segment = undefined;
  };
  for (let i = start; i < tokens.length; ) {
    const token = tokens[i];
    if (URL.test(token.raw)) {
      close();
      scan.onlineUrl = cleanUrl(token.raw);
      scan.isOnline = true;
      i += 1;
      continue;
    }
    if (ONLINE_WORDS.has(token.norm) && (segment === undefined || segment.kind === 'location' || URL.test(tokens[i + 1]?.raw ?? ''))) {
      close();
      scan.isOnline = true;
      i += 1;
      continue;
    }
    const group = isGroupPrefix(token) ? matchGroupAt(tokens, i, keys, true) : undefined;
    if (group?.groupName) {
      close();
      scan.group ??= group;
      i += group.consumed;
      continue;
    }
    const kind = markerKind(token, segment?.kind);
    if (kind) {
      close();
      segment = { kind, tokens: [] };
      i += 1;
      continue;
    }
    if (segment) segment.tokens.push(token);
    else scan.ignored.push(token);
    i += 1;
  }
  close();
}

function markerKind(token: Token, inside: 'location' | 'theme' | undefined): 'location' | 'theme' | undefined {
  if (inside === 'theme') return token.norm === 'locatie' || token.norm === 'adres' ? 'location' : undefined;
  if (inside === 'location') return THEME_MARKERS.has(token.norm) ? 'theme' : undefined;
  if (THEME_MARKERS.has(token.norm)) return 'theme';
  return LOCATION_MARKERS.has(token.norm) ? 'location' : undefined;
}

/** Free text without wrapping quotes or a dangling comma. */
function cleanText(value: string): string {
  return value
    .trim()
    .replace(/^[:\-–]\s*/, '')
    .replace(/[,;]+$/, '')
    .replace(/^["'“‘](.*)["'”’]$/s, '$1')
    .trim();
}

interface SeriesPart {
  consumed: number;
  recurrence?: Recurrence;
  from?: DateMatch;
  until?: SeriesEnd;
  count?: number;
}

/**
 * Series words: "elke 8 weken", "elke week", "om de twee weken", "wekelijks", "elke maand",
 * "elke tweede dinsdag (van de maand)", "elke dinsdag", "vanaf 13 jan", "tot juli", "t/m 30 juni",
 * "tot eind juni", "6 keer".
 */
function matchSeriesAt(tokens: Token[], i: number, today: LocalDate): SeriesPart | undefined {
  return matchRule(tokens, i) ?? matchFrom(tokens, i, today) ?? matchUntil(tokens, i, today) ?? matchCount(tokens, i);
}

function matchRule(tokens: Token[], i: number): SeriesPart | undefined {
  const w = (k: number) => tokens[i + k]?.norm ?? '';
  if (w(0) === 'elke' || w(0) === 'iedere' || w(0) === 'ieder') {
    const ordinal = ORDINALS[w(1)];
    const ordinalDay = WEEKDAYS[w(2)];
    if (ordinal !== undefined && ordinalDay !== undefined) {
      const ofMonth = w(3) === 'van' && w(4) === 'de' && w(5) === 'maand' ? 3 : 0;
      const recurrence: Recurrence = { frequency: 'monthly', interval: 1, mode: 'weekdayOfMonth', weekday: ordinalDay, ordinal };
      return { consumed: 3 + ofMonth, recurrence };
    }
    const weekday = WEEKDAYS[w(1)];
    if (weekday !== undefined) return { consumed: 2, recurrence: { frequency: 'weekly', interval: 1, weekday } };
    return matchInterval(tokens, i + 1, 1);
  }
  if (w(0) === 'om' && w(1) === 'de') return matchInterval(tokens, i + 2, 2);
  // "wekelijks", "tweewekelijks", "maandelijks"
  const adverb = /^(\w*?)(wekelijks|maandelijks)$/.exec(w(0));
  const interval = adverb && (adverb[1] === '' ? 1 : readCount(adverb[1]));
  if (!adverb || !interval) return undefined;
  const recurrence: Recurrence =
    adverb[2] === 'wekelijks' ? { frequency: 'weekly', interval } : { frequency: 'monthly', interval, mode: 'dayOfMonth' };
  return { consumed: 1, recurrence };
}

/** "vanaf 13 jan", "vanaf volgende week dinsdag", "vanaf januari" (the first of the next January). */
function matchFrom(tokens: Token[], i: number, today: LocalDate): SeriesPart | undefined {
  if (tokens[i]?.norm !== 'vanaf') return undefined;
  const from = matchDateAt(tokens, i + 1, today);
  if (from) return { consumed: 1 + from.consumed, from: { ...from, input: `${tokens[i].raw} ${from.input}` } };
  const month = matchMonthAt(tokens, i + 1, today);
  if (!month) return undefined;
  const consumed = 1 + month.consumed;
  const input = tokens.slice(i, i + consumed).map((t) => t.raw).join(' ');
  return { consumed, from: { date: month.firstOfMonth, consumed, input, kind: 'explicit', warnings: [] } };
}

/** "tot" excludes its date or month, "t/m" and "tot en met" include it; "tot eind juni" includes June. */
function matchUntil(tokens: Token[], i: number, today: LocalDate): SeriesPart | undefined {
  const w = (k: number) => tokens[i + k]?.norm;
  let inclusive: boolean;
  let skip: number;
  if (w(0) === 't/m' || w(0) === 'tm') [inclusive, skip] = [true, 1];
  else if (w(0) === 'tot' && w(1) === 'en' && w(2) === 'met') [inclusive, skip] = [true, 3];
  else if (w(0) === 'tot') [inclusive, skip] = [false, 1];
  else return undefined;

  const at = i + skip;
  if ((tokens[at]?.norm === 'eind' || tokens[at]?.norm === 'einde') && MONTHS[tokens[at + 1]?.norm ?? ''] !== undefined) {
    const month = matchMonthAt(tokens, at + 1, today)!;
    return { consumed: skip + 1 + month.consumed, until: monthEnd(tokens, at + 1, true) };
  }
  const date = matchDateAt(tokens, at, today);
  if (date) return { consumed: skip + date.consumed, until: { kind: 'date', date: date.date, inclusive } };
  const month = matchMonthAt(tokens, at, today);
  return month && { consumed: skip + month.consumed, until: monthEnd(tokens, at, inclusive) };
}

/** "6 keer", "zes maal", "6x". */
function matchCount(tokens: Token[], i: number): SeriesPart | undefined {
  const word = tokens[i]?.norm ?? '';
  const times = /^(\d{1,2})x$/.exec(word);
  if (times) return { consumed: 1, count: Number(times[1]) };
  const count = readCount(word);
  const unit = tokens[i + 1]?.norm;
  if (count !== undefined && (unit === 'keer' || unit === 'maal' || unit === 'bijeenkomsten')) return { consumed: 2, count };
  return undefined;
}

/** "tot juli" / "t/m juli 2027": the month, with a year only when the user typed one. */
function monthEnd(tokens: Token[], at: number, inclusive: boolean): SeriesEnd {
  const month = MONTHS[tokens[at].norm];
  const yearWord = tokens[at + 1]?.norm;
  const year = yearWord !== undefined && /^\d{4}$/.test(yearWord) ? Number(yearWord) : undefined;
  return { kind: 'month', month, year, inclusive };
}

/** "[8] weken", "week", "[2] maanden", "maand" after "elke" or "om de". */
function matchInterval(tokens: Token[], at: number, skipped: number): SeriesPart | undefined {
  const n = readCount(tokens[at]?.norm);
  const unitAt = n === undefined ? at : at + 1;
  const unit = tokens[unitAt]?.norm;
  const interval = n ?? 1;
  const consumed = skipped + (unitAt - at) + 1;
  if (interval < 1) return undefined;
  if (unit === 'week' || unit === 'weken') return { consumed, recurrence: { frequency: 'weekly', interval } };
  if (unit === 'maand' || unit === 'maanden') return { consumed, recurrence: { frequency: 'monthly', interval, mode: 'dayOfMonth' } };
  return undefined;
}

const DURATION_MINUTE_WORDS = new Set(['min', 'minuten', 'minuut', 'mins']);

/**
 * Durations: "90 min", "90min", "duur 90", "duur 2 uur", "1,5 uur", "anderhalf uur", "2 uur lang".
 * A bare "2 uur" is a time (14:00), not a duration: that is what "om 2 uur" means without "om".
 */
export function matchDurationAt(tokens: Token[], i: number): { minutes: number; consumed: number } | undefined {
  const w = (k: number) => tokens[i + k]?.norm;
  if (w(0) === 'duur') {
    const inner = matchDurationAt(tokens, i + 1);
    if (inner) return { ...inner, consumed: inner.consumed + 1 };
    const n = readCount(w(1));
    if (n !== undefined) {
      if (w(2) === 'uur' || w(2) === 'u') return { minutes: n * 60, consumed: 3 };
      return { minutes: n, consumed: 2 };
    }
    return undefined;
  }
  const glued = /^(\d{1,3})(?:min|minuten|m)$/.exec(w(0) ?? '');
  if (glued) return { minutes: Number(glued[1]), consumed: 1 };
  const n = readCount(w(0));
  if (n !== undefined && DURATION_MINUTE_WORDS.has(w(1) ?? '')) return { minutes: n, consumed: 2 };
  const decimal = /^(\d)[,.](\d)$/.exec(w(0) ?? '');
  if (decimal && (w(1) === 'uur' || w(1) === 'u')) {
    return { minutes: Math.round((Number(decimal[1]) + Number(decimal[2]) / 10) * 60), consumed: w(2) === 'lang' ? 3 : 2 };
  }
  if (w(0) === 'anderhalf' && w(1) === 'uur') return { minutes: 90, consumed: w(2) === 'lang' ? 3 : 2 };
  if (n !== undefined && w(1) === 'uur' && w(2) === 'lang') return { minutes: n * 60, consumed: 3 };
  return undefined;
}
