import { DomainError } from '../errors';
import { amsterdamWallClock, toHhMm, toIsoDate } from '../../dates/calendar';
import { buildMeetingStart, dateResult, findDateTimeParts, timeResult, understoodDate, understoodTime } from '../../dates/dutchDates';
import { formatMeetingFull } from '../../dates/formatting';
import type { MeetingWarning, UnderstoodItem } from './types';

/**
 * "verzet FTO 8 dec naar 15 dec 19:00": which meeting, and its new date and/or time. Finding the meeting
 * from `meetingRef` needs the database and is the caller's job.
 */

export interface RescheduleContext {
  now: Date;
  /** The meeting's current start: fills in whichever of date and time the command leaves out. */
  current?: Date;
}

export interface RescheduleTarget {
  /** The words naming the meeting, e.g. "FTO 8 dec"; resolving them is the caller's job. */
  meetingRef: string;
  /** Only what the command said; with `current` the missing part is filled in. */
  localDate?: string;
  localTime?: string;
  /** Set when both date and time are known (said, or taken from `current`). */
  startsAt?: Date;
  warnings: MeetingWarning[];
  understood: UnderstoodItem[];
}

const RESCHEDULE_VERBS = new Set(['verzet', 'verzetten', 'verplaats', 'verplaatsen', 'verschuif', 'verschuiven']);

/**
 * "verzet FTO 8 dec naar 15 dec 19:00": split at the last " naar " (a meeting's name may contain
 * "naar", a date never does) and parse the date and/or time after it.
 */
export function parseRescheduleTarget(text: string, ctx: RescheduleContext): RescheduleTarget {
  const split = /^(.*)\s+naar\s+(.*)$/is.exec(text.trim());
  if (!split) throw new DomainError('meetings.reschedule.missingNaar');
  const words = split[1].trim().split(/\s+/);
  if (words.length > 0 && RESCHEDULE_VERBS.has(words[0].toLowerCase())) words.shift();
  const meetingRef = words.join(' ');
  if (!meetingRef) throw new DomainError('meetings.reschedule.missingMeeting');

  const parts = findDateTimeParts(split[2], ctx.now);
  if (parts.leftovers.length > 0) {
    throw new DomainError('meetings.date.unparseable', { input: split[2].trim(), words: parts.leftovers.map((t) => t.raw).join(' ') });
  }
  if (!parts.date && !parts.time) throw new DomainError('meetings.reschedule.missingDateTime', { input: split[2].trim() });

  const current = ctx.current && amsterdamWallClock(ctx.current);
  const date = parts.date && dateResult(parts.date, parts.period?.period);
  const time = parts.time && timeResult(parts.time, date?.period ?? parts.period?.period);
  const warnings = [...(date?.warnings ?? []), ...(time?.warnings ?? [])];
  const understood: UnderstoodItem[] = [];
  if (date) understood.push(understoodDate(date.date, date.input));
  if (time) understood.push(understoodTime(time.time, time.input));

  const finalDate = date?.date ?? current?.date;
  const finalTime = time?.time ?? current?.time;
  let startsAt: Date | undefined;
  let localTime = finalTime && toHhMm(finalTime);
  if (finalDate && finalTime) {
    const built = buildMeetingStart(finalDate, finalTime, ctx.now);
    const wallClock = { date: finalDate, time: built.time };
    startsAt = built.startsAt;
    localTime = toHhMm(built.time); // differs from the request only inside a DST gap
    warnings.push(...built.warnings);
    understood.push({ field: 'startsAt', input: split[2].trim(), nl: formatMeetingFull(wallClock, 'nl'), en: formatMeetingFull(wallClock, 'en') });
  }
  return { meetingRef, localDate: finalDate && toIsoDate(finalDate), localTime, startsAt, warnings, understood };
}
