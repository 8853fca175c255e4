/** The meetings feature's public surface: parsing of coordinators' commands, date display, iCalendar. */
export * from './types';
export { meetingMessages } from './messages';
export {
  parseDutchDate,
  parseDutchTime,
  parseDutchDateTime,
  findDateTimeParts,
  buildMeetingStart,
  toAmsterdamInstant,
  amsterdamToday,
  publicHolidayOn,
  formatMeetingCompact,
  formatMeetingFull,
  formatDateCompact,
  formatDateFull,
  formatTimeCompact,
  formatTimeFull,
  MEETING_ZONE,
} from '../../dates/dutchDates';
export type { ParsedDate, ParsedTime, ParsedDateTime, LocalDate, LocalTime, DayPeriod, Lang, WallClock } from '../../dates/dutchDates';
export { parsePlanCommand, parseSeriesCommand, parseRescheduleTarget, MIN_DURATION_MINUTES, MAX_DURATION_MINUTES } from './planCommand';
export type { ParsedPlan, ParsedSeries, PlanContext, RescheduleContext, RescheduleTarget } from './planCommand';
export { expandSeries, MAX_SERIES_OCCURRENCES } from './series';
export type { Recurrence, SeriesEnd, SeriesOccurrence } from './series';
export { meetingToIcs, escapeIcsText, foldIcsLine, formatIcsUtc } from './ics';
export type { IcsMeeting, IcsOptions } from './ics';
