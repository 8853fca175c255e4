import { amsterdamWallClock, LocalDate, LocalTime, weekdayOf } from './calendar';
import { MONTH_NAMES, WEEKDAY_NAMES } from './dutchWords';

/**
 * Display of meeting dates. Written out by hand instead of Intl/luxon `toFormat` with a locale: the ICU
 * data in Node differs per build ("di 8 dec." with a dot, or no Dutch at all in small-icu builds), and
 * cards must look the same on every host.
 */

export type Lang = 'nl' | 'en';

export interface WallClock {
  date: LocalDate;
  time: LocalTime;
}

function wallClock(when: Date | WallClock): WallClock {
  return when instanceof Date ? amsterdamWallClock(when) : when;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** "dinsdag 8 december 2026" / "Tuesday 8 December 2026". */
export function formatDateFull(date: LocalDate, lang: Lang = 'nl'): string {
  const weekday = WEEKDAY_NAMES[lang][weekdayOf(date) - 1];
  return `${weekday} ${date.day} ${MONTH_NAMES[lang][date.month - 1]} ${date.year}`;
}

/** "di 8 dec" / "Tue 8 Dec": no year, cards show the near future. */
export function formatDateCompact(date: LocalDate, lang: Lang = 'nl'): string {
  const weekday = WEEKDAY_NAMES[lang === 'nl' ? 'nlShort' : 'enShort'][weekdayOf(date) - 1];
  return `${weekday} ${date.day} ${MONTH_NAMES[lang === 'nl' ? 'nlShort' : 'enShort'][date.month - 1]}`;
}

/**
 * Dutch writes "12.30" (and "12.30 uur" in a sentence), English "12:30". One style per language, on cards
 * and in text alike, so a card never shows "13.00 uur – 14:30".
 */
export function formatTimeFull(time: LocalTime, lang: Lang = 'nl'): string {
  return lang === 'nl' ? `${formatTimeCompact(time, 'nl')} uur` : formatTimeCompact(time, 'en');
}

export function formatTimeCompact(time: LocalTime, lang: Lang = 'nl'): string {
  return `${pad2(time.hour)}${lang === 'nl' ? '.' : ':'}${pad2(time.minute)}`;
}

/** "di 8 dec 12.30" / "Tue 8 Dec 12:30". An instant is shown in Amsterdam time. */
export function formatMeetingCompact(when: Date | WallClock, lang: Lang = 'nl'): string {
  const { date, time } = wallClock(when);
  return `${formatDateCompact(date, lang)} ${formatTimeCompact(time, lang)}`;
}

/** "dinsdag 8 december 2026, 12.30–14.00 uur" / "Tuesday 8 December 2026, 12:30–14:00". */
export function formatMeetingRange(start: Date | WallClock, end: Date | WallClock, lang: Lang = 'nl'): string {
  const from = wallClock(start);
  const to = wallClock(end);
  const times = `${formatTimeCompact(from.time, lang)}–${formatTimeCompact(to.time, lang)}${lang === 'nl' ? ' uur' : ''}`;
  return `${formatDateFull(from.date, lang)}, ${times}`;
}

/** "dinsdag 8 december 2026, 12.30 uur" / "Tuesday 8 December 2026, 12:30". */
export function formatMeetingFull(when: Date | WallClock, lang: Lang = 'nl'): string {
  const { date, time } = wallClock(when);
  return `${formatDateFull(date, lang)}, ${formatTimeFull(time, lang)}`;
}
