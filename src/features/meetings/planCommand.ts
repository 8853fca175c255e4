import { closest, distance } from 'fastest-levenshtein';
import { DomainError } from '../errors';
import { LocalTime } from '../../dates/calendar';
import { ScannedCommand, scanCommand } from './commandScanner';
import { DateMatch } from '../../dates/dateExpressions';
import { combineDateTime, timeResult, understoodTime } from '../../dates/dutchDates';
import { ExpandedSeries, expandSeries, Recurrence } from './series';
import { describeOccurrences, describeRecurrence } from './seriesDescription';
import { TimeMatch } from '../../dates/timeExpressions';
import {
  DEFAULT_DURATION_MINUTES,
  MEETING_TYPE_ALIASES,
  MEETING_TYPE_LABELS,
  MEETING_TYPES,
  MeetingType,
  MeetingWarning,
  UnderstoodItem,
} from './types';
import { weekdayParams } from '../../dates/warningParams';

/**
 * Coordinators' meeting commands, parsed into what the scheduler needs:
 *   plan FTO di 8 dec 12:30 Oost over antistolling
 *   plan patz 14-1 om half 1 wijkgroep Noord 90 min
 *   plan wijkoverleg 8-12 19:00 locatie Huisartsenpost Oost online https://teams... over jaarplan
 *   plan PaTz elke 8 weken op dinsdag 12:30 vanaf 13 jan tot juli
 *   verzet FTO 8 dec naar 15 dec 19:00
 * Nothing here saves anything: the result is shown to the coordinator (`understood`, `warnings`) first.
 */

export interface PlanContext {
  now: Date;
  groupNames: readonly string[];
}

/** Shortest and longest meeting we accept; outside this it is nearly always a typo ("900 min"). */
export const MIN_DURATION_MINUTES = 15;
export const MAX_DURATION_MINUTES = 8 * 60;

export type ParsedSeries = ExpandedSeries;

export interface ParsedPlan {
  type: MeetingType;
  /**
   * The start as an instant. Always set: a command without a date or time is rejected with a DomainError.
   * For a series: the first occurrence.
   */
  startsAt: Date;
  endsAt: Date;
  /** Amsterdam wall clock, 'YYYY-MM-DD' and 'HH:mm'. */
  localDate: string;
  localTime: string;
  durationMinutes: number;
  /** As spelled in ctx.groupNames; undefined when the command names no (known) group. */
  groupName?: string;
  location?: string;
  onlineUrl?: string;
  /** "online" was said, with or without a link. */
  isOnline: boolean;
  theme?: string;
  warnings: MeetingWarning[];
  understood: UnderstoodItem[];
  /** Set when the command describes a recurring series. */
  series?: ParsedSeries;
}

export function parsePlanCommand(text: string, ctx: PlanContext): ParsedPlan {
  const scan = scanCommand(text, ctx.now, ctx.groupNames);
  const type = meetingType(scan);
  const date = single(scan.dates, 'meetings.plan.twoDates');
  const time = single(scan.times, 'meetings.plan.twoTimes');
  const isSeries = scan.recurrence || scan.from || scan.until || scan.count;
  if (!isSeries && !date) throw new DomainError('meetings.plan.missingDate', { type });
  if (!time) throw new DomainError('meetings.plan.missingTime', { type });

  const warnings: MeetingWarning[] = [];
  const understood: UnderstoodItem[] = [
    { field: 'type', input: scan.types[0].input, nl: MEETING_TYPE_LABELS[type].nl, en: MEETING_TYPE_LABELS[type].en },
  ];
  const when = isSeries ? planSeries(scan, date, time, ctx.now) : planSingle(scan, date as DateMatch, time, ctx.now);
  warnings.push(...when.warnings);
  understood.push(...when.understood);

  const durationMinutes = duration(scan, type, when.rangeMinutes, warnings, understood);
  const details = describeDetails(scan, warnings);
  understood.push(...details.understood);
  if (scan.ignored.length > 0) {
    warnings.push({ code: 'meetings.plan.ignoredWords', params: { words: scan.ignored.map((t) => t.raw).join(' ') } });
  }

  return {
    type,
    startsAt: when.startsAt,
    endsAt: new Date(when.startsAt.getTime() + durationMinutes * 60_000),
    localDate: when.localDate,
    localTime: when.localTime,
    durationMinutes,
    groupName: scan.group?.groupName,
    location: scan.location,
    onlineUrl: scan.onlineUrl,
    isOnline: scan.isOnline,
    theme: scan.theme,
    warnings,
    understood,
    series: when.series,
  };
}

/** Like parsePlanCommand, but the command must describe a series ("elke 8 weken ..."). */
export function parseSeriesCommand(text: string, ctx: PlanContext): ParsedPlan & { series: ParsedSeries } {
  const plan = parsePlanCommand(text, ctx);
  if (!plan.series) throw new DomainError('meetings.series.missingRule');
  return plan as ParsedPlan & { series: ParsedSeries };
}

function meetingType(scan: ScannedCommand): MeetingType {
  // "FTO-overleg", "PaTz overleg": the generic word "overleg" only names the type when nothing else does.
  const specific = scan.types.filter((t) => t.input.toLowerCase() !== 'overleg');
  const distinct = [...new Set((specific.length > 0 ? specific : scan.types).map((t) => t.value))];
  if (distinct.length > 1) throw new DomainError('meetings.plan.twoTypes', { first: distinct[0], second: distinct[1] });
  if (distinct.length === 1) return distinct[0];
  const suggestion = suggestType(scan.ignored.map((t) => t.norm));
  const types = MEETING_TYPES.join(', ');
  if (suggestion) throw new DomainError('meetings.plan.unknownType', { word: suggestion.word, suggestion: suggestion.type, types });
  throw new DomainError('meetings.plan.missingType', { types });
}

/** "ftoo", "pats", "spigel": one or two letters off a type name. */
function suggestType(words: string[]): { word: string; type: MeetingType } | undefined {
  const aliases = Object.keys(MEETING_TYPE_ALIASES);
  for (const word of words) {
    if (word.length < 3) continue;
    const nearest = closest(word, aliases);
    if (distance(word, nearest) <= (word.length <= 4 ? 1 : 2)) return { word, type: MEETING_TYPE_ALIASES[nearest] };
  }
  return undefined;
}

function single<T extends { input: string }>(found: T[], code: string): T | undefined {
  if (found.length > 1) throw new DomainError(code, { first: found[0].input, second: found[1].input });
  return found[0];
}

interface When {
  startsAt: Date;
  localDate: string;
  localTime: string;
  rangeMinutes?: number;
  warnings: MeetingWarning[];
  understood: UnderstoodItem[];
  series?: ParsedSeries;
}

function planSingle(scan: ScannedCommand, date: DateMatch, time: TimeMatch, now: Date): When {
  const parsed = combineDateTime(date, time, scan.period?.value, now);
  return {
    startsAt: parsed.startsAt,
    localDate: parsed.localDate,
    localTime: parsed.localTime,
    rangeMinutes: rangeMinutes(parsed.time, parsed.end, time.input),
    warnings: parsed.warnings,
    understood: parsed.understood,
  };
}

function rangeMinutes(start: LocalTime, end: LocalTime | undefined, input: string): number | undefined {
  if (!end) return undefined;
  const minutes = end.hour * 60 + end.minute - (start.hour * 60 + start.minute);
  if (minutes <= 0) throw new DomainError('meetings.time.rangeInvalid', { input });
  return minutes;
}

function planSeries(scan: ScannedCommand, date: DateMatch | undefined, timeMatch: TimeMatch, now: Date): When {
  if (!scan.recurrence) throw new DomainError('meetings.series.missingRule');
  if (date && date.kind !== 'weekday' && scan.from) {
    throw new DomainError('meetings.plan.twoDates', { first: date.input, second: scan.from.input });
  }
  const recurrence = completeRecurrence(scan.recurrence.value, date);
  const fromMatch = scan.from ?? (date && date.kind !== 'weekday' ? date : undefined);
  const period = scan.period?.value ?? fromMatch?.period;
  const time = timeResult(timeMatch, period);
  const expanded = expandSeries({
    recurrence,
    from: fromMatch?.date,
    until: scan.until?.value,
    count: scan.count?.value,
    time: time.time,
    now,
    today: scan.today,
  });
  if (expanded.occurrences.length === 0) throw new DomainError('meetings.series.empty');
  const first = expanded.occurrences[0];
  const warnings = [...(fromMatch?.warnings ?? []), ...time.warnings, ...expanded.warnings];
  const needAttention = expanded.occurrences.filter((o) => o.warnings.length > 0);
  if (needAttention.length > 0) {
    warnings.push({
      code: 'meetings.series.datesNeedAttention',
      params: { count: needAttention.length, dates: needAttention.map((o) => o.localDate).join(', ') },
    });
  }
  const understood: UnderstoodItem[] = [
    {
      field: 'recurrence',
      input: [scan.recurrence.input, date?.kind === 'weekday' ? date.input : ''].filter(Boolean).join(' '),
      ...describeRecurrence(recurrence),
    },
    understoodTime(time.time, time.input),
    { field: 'series', input: [scan.from?.input, scan.until?.input, scan.count?.input].filter(Boolean).join(' '), ...describeOccurrences(expanded) },
  ];
  return {
    startsAt: first.startsAt,
    localDate: first.localDate,
    localTime: first.localTime,
    rangeMinutes: rangeMinutes(time.time, time.end, time.input),
    warnings,
    understood,
    series: expanded,
  };
}

/** A bare weekday ("op dinsdag") in a series is the weekday of a weekly rule ("elke 8 weken op dinsdag"). */
function completeRecurrence(draft: Recurrence, date: DateMatch | undefined): Recurrence {
  const weekday = date?.kind === 'weekday' ? date.weekday : undefined;
  if (draft.frequency === 'weekly') {
    if (weekday !== undefined && draft.weekday !== undefined && weekday !== draft.weekday) {
      throw new DomainError('meetings.series.weekdayConflict', { ...weekdayParams(draft.weekday, 'first'), ...weekdayParams(weekday, 'second') });
    }
    return { ...draft, weekday: draft.weekday ?? weekday };
  }
  if (draft.mode === 'dayOfMonth' && weekday !== undefined) {
    throw new DomainError('meetings.series.monthlyWeekdayNeedsOrdinal', weekdayParams(weekday, 'weekday'));
  }
  return draft;
}

/** Explicit "90 min" wins over a range ("19:00-21:00"), which wins over the type's default. */
function duration(
  scan: ScannedCommand,
  type: MeetingType,
  range: number | undefined,
  warnings: MeetingWarning[],
  understood: UnderstoodItem[],
): number {
  const explicit = scan.duration?.value;
  if (explicit !== undefined && range !== undefined && explicit !== range) {
    warnings.push({ code: 'meetings.duration.conflict', params: { duration: explicit, range } });
  }
  const minutes = explicit ?? range ?? DEFAULT_DURATION_MINUTES[type];
  if (minutes < MIN_DURATION_MINUTES || minutes > MAX_DURATION_MINUTES) {
    const input = scan.duration?.input ?? String(minutes);
    throw new DomainError('meetings.duration.invalid', { input, min: MIN_DURATION_MINUTES, max: MAX_DURATION_MINUTES });
  }
  const isDefault = explicit === undefined && range === undefined;
  understood.push({
    field: 'duration',
    input: scan.duration?.input ?? '',
    nl: `${minutes} minuten${isDefault ? ' (standaard voor dit type)' : ''}`,
    en: `${minutes} minutes${isDefault ? ' (default for this type)' : ''}`,
  });
  return minutes;
}

function describeDetails(scan: ScannedCommand, warnings: MeetingWarning[]): { understood: UnderstoodItem[] } {
  const understood: UnderstoodItem[] = [];
  if (scan.group?.groupName) {
    const name = scan.group.groupName.replace(/^wijkgroep\s+/i, '');
    understood.push({ field: 'group', input: scan.group.input, nl: `wijkgroep ${name}`, en: `group ${name}` });
  } else if (scan.group?.unknownName) {
    warnings.push({ code: 'meetings.group.unknown', params: { name: scan.group.unknownName } });
  }
  if (scan.location) understood.push({ field: 'location', input: scan.location, nl: scan.location, en: scan.location });
  if (scan.onlineUrl) understood.push({ field: 'online', input: scan.onlineUrl, nl: `online: ${scan.onlineUrl}`, en: `online: ${scan.onlineUrl}` });
  else if (scan.isOnline) understood.push({ field: 'online', input: 'online', nl: 'online (link volgt)', en: 'online (link to follow)' });
  if (scan.theme) understood.push({ field: 'theme', input: scan.theme, nl: `thema: ${scan.theme}`, en: `theme: ${scan.theme}` });
  return { understood };
}

export { parseRescheduleTarget } from './reschedule';
export type { RescheduleContext, RescheduleTarget } from './reschedule';
