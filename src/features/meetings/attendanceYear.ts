/**
 * The year `presentie Oost 2026` sums over. 'presentie Oost 0000' is a typo, not a query: a year outside
 * this range made an invalid date that reached the database as a crash. Wider than any real use.
 */
import { DomainError } from '../errors';

export const ATTENDANCE_YEAR_MIN = 2000;
export const ATTENDANCE_YEAR_MAX = 2100;

/** The year from the command's last word, the current year when none is given; a bad year is a DomainError. */
export function attendanceYear(word: string | undefined, currentYear: number): number {
  if (word === undefined) return currentYear;
  const year = Number(word);
  if (!Number.isInteger(year) || year < ATTENDANCE_YEAR_MIN || year > ATTENDANCE_YEAR_MAX) {
    throw new DomainError('meetings.year.outOfRange', { year: word, min: ATTENDANCE_YEAR_MIN, max: ATTENDANCE_YEAR_MAX, example: currentYear });
  }
  return year;
}
