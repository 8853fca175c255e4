import { DateTime } from 'luxon';
import { weekdayOf } from '../../../src/dates/calendar';

describe('weekdayOf', () => {
  test('agrees with luxon on every day from 1999 to 2031, leap days and year ends included', () => {
    const mismatches: string[] = [];
    for (let day = DateTime.fromISO('1999-01-01', { zone: 'UTC' }); day.year < 2032; day = day.plus({ days: 1 })) {
      if (weekdayOf({ year: day.year, month: day.month, day: day.day }) !== day.weekday) mismatches.push(day.toISODate()!);
    }
    expect(mismatches).toEqual([]);
  });

  test('knows a few days by heart (ISO: Monday 1, Sunday 7)', () => {
    expect(weekdayOf({ year: 2026, month: 12, day: 8 })).toBe(2); // dinsdag 8 december 2026
    expect(weekdayOf({ year: 2026, month: 12, day: 6 })).toBe(7);
    expect(weekdayOf({ year: 2028, month: 2, day: 29 })).toBe(2);
  });

  test('a day that does not exist has no weekday', () => {
    expect(weekdayOf({ year: 2026, month: 2, day: 29 })).toBeNaN();
    expect(weekdayOf({ year: 2026, month: 13, day: 1 })).toBeNaN();
    expect(weekdayOf({ year: 2026, month: 4, day: 31 })).toBeNaN();
  });
});
