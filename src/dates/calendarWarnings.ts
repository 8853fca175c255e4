import Holidays from 'date-holidays';
import { DstNote, LocalDate, toIsoDate, weekdayOf } from './calendar';
import { dateParams, timeParams } from './warningParams';
import type { DateWarning } from './types';

/**
 * Checks on a planned date that do not stop the coordinator but must be shown before saving: a public
 * holiday, a weekend, a date in the past, a time that the clock change skips or repeats.
 */

interface HolidayName {
  nl: string;
  en: string;
}

// One instance for the process: building the rule set is the expensive part of date-holidays.
let netherlands: Holidays | undefined;
const holidaysByYear = new Map<number, Map<string, HolidayName>>();

/**
 * Public holidays by ISO date. We compare the library's `date` string ("2026-12-25 00:00:00", the local
 * calendar day in the country's zone) rather than its `start` Date, which depends on time zones. Only type
 * 'public': date-holidays also lists observances (Sinterklaas, Vaderdag) that are working days.
 */
function publicHolidays(year: number): Map<string, HolidayName> {
  let byDate = holidaysByYear.get(year);
  if (byDate) return byDate;
  netherlands ??= new Holidays('NL');
  byDate = new Map();
  const english = new Map(netherlands.getHolidays(year, 'en').map((h) => [`${h.date}|${h.rule}`, h.name]));
  for (const h of netherlands.getHolidays(year, 'nl')) {
    if (h.type !== 'public') continue;
    byDate.set(h.date.slice(0, 10), { nl: h.name, en: english.get(`${h.date}|${h.rule}`) ?? h.name });
  }
  holidaysByYear.set(year, byDate);
  return byDate;
}

export function publicHolidayOn(date: LocalDate): HolidayName | undefined {
  return publicHolidays(date.year).get(toIsoDate(date));
}

export function holidayWarnings(date: LocalDate): DateWarning[] {
  const holiday = publicHolidayOn(date);
  return holiday
    ? [{ code: 'meetings.date.holiday', params: { ...dateParams(date), nameNl: holiday.nl, nameEn: holiday.en } }]
    : [];
}

export function weekendWarnings(date: LocalDate): DateWarning[] {
  return weekdayOf(date) >= 6 ? [{ code: 'meetings.date.weekend', params: dateParams(date) }] : [];
}

export function pastWarnings(date: LocalDate, instant: Date, now: Date): DateWarning[] {
  return instant.getTime() < now.getTime() ? [{ code: 'meetings.date.past', params: dateParams(date) }] : [];
}

export function dstWarnings(date: LocalDate, note: DstNote | undefined): DateWarning[] {
  if (!note) return [];
  if (note.kind === 'gap') {
    return [
      {
        code: 'meetings.time.dstGap',
        params: { ...dateParams(date), ...timeParams(note.requested, 'requested'), ...timeParams(note.actual, 'actual') },
      },
    ];
  }
  return [
    { code: 'meetings.time.dstAmbiguous', params: { ...dateParams(date), ...timeParams(note.time), offsets: note.offsets.join(' / ') } },
  ];
}
