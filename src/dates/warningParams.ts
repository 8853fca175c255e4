import { LocalDate, LocalTime, toHhMm, toIsoDate } from './calendar';
import { MONTH_NAMES, WEEKDAY_NAMES } from './dutchWords';
import { formatDateFull, formatTimeFull } from './formatting';

/**
 * Warning and error parameters carry a date both as ISO (for code) and written out in Dutch and English
 * (for the message templates), so the Teams layer can fill in `{dateNl}` or `{dateEn}` without knowing
 * how to format dates.
 */
export function dateParams(date: LocalDate, prefix = 'date'): Record<string, string> {
  return {
    [prefix]: toIsoDate(date),
    [`${prefix}Nl`]: formatDateFull(date, 'nl'),
    [`${prefix}En`]: formatDateFull(date, 'en'),
  };
}

export function weekdayParams(weekday: number, prefix: string): Record<string, string> {
  return { [`${prefix}Nl`]: WEEKDAY_NAMES.nl[weekday - 1], [`${prefix}En`]: WEEKDAY_NAMES.en[weekday - 1] };
}

export function timeParams(time: LocalTime, prefix = 'time'): Record<string, string> {
  return { [prefix]: toHhMm(time), [`${prefix}Nl`]: formatTimeFull(time, 'nl'), [`${prefix}En`]: formatTimeFull(time, 'en') };
}

/** "30 november" / "30 November": a day and month without weekday or year. */
export function dayMonthParams(date: LocalDate, prefix = 'dayMonth'): Record<string, string> {
  return { [`${prefix}Nl`]: `${date.day} ${MONTH_NAMES.nl[date.month - 1]}`, [`${prefix}En`]: `${date.day} ${MONTH_NAMES.en[date.month - 1]}` };
}

/** "gisteren" / "3 dagen geleden" (Dutch plural rules: 1 dag, 2 dagen). */
export function agoParams(days: number, prefix = 'ago'): Record<string, string | number> {
  return {
    [`${prefix}Days`]: days,
    [`${prefix}Nl`]: days === 1 ? 'gisteren' : `${days} dagen geleden`,
    [`${prefix}En`]: days === 1 ? 'yesterday' : `${days} days ago`,
  };
}
