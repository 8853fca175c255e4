import {
  formatDateCompact,
  formatMeetingCompact,
  formatMeetingFull,
  formatMeetingRange,
  formatTimeFull,
} from '../../../src/dates/dutchDates';

describe('display of meeting dates', () => {
  const tuesdayLunch = new Date('2026-12-08T11:30:00Z');

  it('compact for cards (Dutch times with a dot, as everywhere in Dutch: one style per card)', () => {
    expect(formatMeetingCompact(tuesdayLunch)).toBe('di 8 dec 12.30');
    expect(formatMeetingCompact(tuesdayLunch, 'en')).toBe('Tue 8 Dec 12:30');
  });

  it('a range: "dinsdag 8 december 2026, 12.30–14.00 uur", never "12.30 uur – 14:00"', () => {
    const end = new Date('2026-12-08T13:00:00Z');
    expect(formatMeetingRange(tuesdayLunch, end)).toBe('dinsdag 8 december 2026, 12.30–14.00 uur');
    expect(formatMeetingRange(tuesdayLunch, end, 'en')).toBe('Tuesday 8 December 2026, 12:30–14:00');
  });

  it('full for running text', () => {
    expect(formatMeetingFull(tuesdayLunch)).toBe('dinsdag 8 december 2026, 12.30 uur');
    expect(formatMeetingFull(tuesdayLunch, 'en')).toBe('Tuesday 8 December 2026, 12:30');
  });

  it('shows an instant in Amsterdam time, also in summer', () => {
    expect(formatMeetingCompact(new Date('2027-07-01T17:00:00Z'))).toBe('do 1 jul 19.00');
    // 23:30 UTC on 31 December is already New Year in Amsterdam
    expect(formatMeetingFull(new Date('2026-12-31T23:30:00Z'))).toBe('vrijdag 1 januari 2027, 00.30 uur');
  });

  it('accepts a wall-clock date and time', () => {
    const wall = { date: { year: 2027, month: 3, day: 3 }, time: { hour: 9, minute: 5 } };
    expect(formatMeetingCompact(wall)).toBe('wo 3 mrt 09.05');
    expect(formatMeetingFull(wall, 'en')).toBe('Wednesday 3 March 2027, 09:05');
  });

  it('has the short Dutch month names used in chat', () => {
    const months = Array.from({ length: 12 }, (_, k) => formatDateCompact({ year: 2027, month: k + 1, day: 1 }).split(' ')[2]);
    expect(months).toEqual(['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec']);
  });

  it('writes Dutch times with a dot and "uur"', () => {
    expect(formatTimeFull({ hour: 7, minute: 0 })).toBe('07.00 uur');
    expect(formatTimeFull({ hour: 7, minute: 0 }, 'en')).toBe('07:00');
  });
});
