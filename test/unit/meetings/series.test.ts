import { parsePlanCommand, parseSeriesCommand } from '../../../src/features/meetings/planCommand';
import { expandSeries, MAX_SERIES_OCCURRENCES, weekdayOfMonth } from '../../../src/features/meetings/series';
import { codes, domainError, GROUPS, NOW } from './helpers';

const ctx = { now: NOW, groupNames: GROUPS };
const series = (text: string) => parseSeriesCommand(text, ctx);
const dates = (text: string) => series(text).series.occurrences.map((o) => o.localDate);

describe('series commands', () => {
  it('plan PaTz elke 8 weken op dinsdag 12:30 vanaf 13 jan tot juli', () => {
    const parsed = series('plan PaTz elke 8 weken op dinsdag 12:30 vanaf 13 jan tot juli');
    expect(parsed.type).toBe('PaTz');
    expect(parsed.series.recurrence).toEqual({ frequency: 'weekly', interval: 8, weekday: 2 });
    // 13 January 2027 is a Wednesday: the series starts on the Tuesday after it
    expect(parsed.series.occurrences.map((o) => [o.localDate, o.localTime])).toEqual([
      ['2027-01-19', '12:30'],
      ['2027-03-16', '12:30'],
      ['2027-05-11', '12:30'],
    ]);
    expect(parsed.series.from).toBe('2027-01-19');
    expect(parsed.series.untilExclusive).toBe('2027-07-01');
    expect(parsed.warnings[0]).toMatchObject({ code: 'meetings.series.startShifted', params: { from: '2027-01-13', date: '2027-01-19' } });
    // the plan itself describes the first meeting
    expect(parsed).toMatchObject({ localDate: '2027-01-19', localTime: '12:30', durationMinutes: 90 });
    expect(parsed.understood.find((u) => u.field === 'series')?.nl).toBe(
      '3 bijeenkomsten, van dinsdag 19 januari 2027 tot en met dinsdag 11 mei 2027',
    );
  });

  it('keeps 12:30 local across the clock change', () => {
    const occurrences = series('plan PaTz elke 4 weken op dinsdag 12:30 vanaf 2 maart 2027 tot mei').series.occurrences;
    expect(occurrences.map((o) => [o.localDate, o.startsAt.toISOString()])).toEqual([
      ['2027-03-02', '2027-03-02T11:30:00.000Z'],
      ['2027-03-30', '2027-03-30T10:30:00.000Z'],
      ['2027-04-27', '2027-04-27T10:30:00.000Z'],
    ]);
  });

  it('gives each occurrence its own warnings (Koningsdag 2027) and summarises them', () => {
    const parsed = series('plan FTO elke 2 weken op dinsdag 19:00 vanaf 13 april 2027 t/m 11 mei 2027');
    const kingsDay = parsed.series.occurrences.find((o) => o.localDate === '2027-04-27');
    expect(kingsDay?.warnings).toEqual([
      { code: 'meetings.date.holiday', params: expect.objectContaining({ nameNl: 'Koningsdag', date: '2027-04-27' }) },
    ]);
    expect(parsed.series.occurrences.find((o) => o.localDate === '2027-04-13')?.warnings).toEqual([]);
    expect(parsed.warnings).toContainEqual({ code: 'meetings.series.datesNeedAttention', params: { count: 1, dates: '2027-04-27' } });
  });

  it.each([
    ['elke week op dinsdag', ['2026-12-01', '2026-12-08', '2026-12-15']],
    ['elke dinsdag', ['2026-12-01', '2026-12-08', '2026-12-15']],
    ['wekelijks op dinsdag', ['2026-12-01', '2026-12-08', '2026-12-15']],
    ['om de twee weken op dinsdag', ['2026-12-01', '2026-12-15']],
    ['tweewekelijks op dinsdag', ['2026-12-01', '2026-12-15']],
    ['elke 2 weken', ['2026-12-01', '2026-12-15']], // weekday from the start date
  ])('%s vanaf 1 dec tot 20 dec', (rule, expected) => {
    expect(dates(`plan FTO ${rule} 19:00 vanaf 1 dec tot 20 dec`)).toEqual(expected);
  });

  it('a plain date in the command is the start', () => {
    expect(dates('plan FTO 1 dec 19:00 elke 2 weken tot 20 dec')).toEqual(['2026-12-01', '2026-12-15']);
  });

  it('without "vanaf" a weekday series starts at the next such weekday', () => {
    expect(dates('plan FTO elke week op woensdag 19:00 3 keer')).toEqual(['2026-11-25', '2026-12-02', '2026-12-09']);
  });

  describe('"tot" and "t/m"', () => {
    it('"tot juli" stops before 1 July; "t/m juli" includes July', () => {
      expect(dates('plan FTO elke maand 19:00 vanaf 5 jan tot juli').at(-1)).toBe('2027-06-05');
      expect(dates('plan FTO elke maand 19:00 vanaf 5 jan t/m juli').at(-1)).toBe('2027-07-05');
      expect(dates('plan FTO elke maand 19:00 vanaf 5 jan tot en met juli').at(-1)).toBe('2027-07-05');
      expect(dates('plan FTO elke maand 19:00 vanaf 5 jan tot eind juni').at(-1)).toBe('2027-06-05');
    });

    it('"tot <date>" excludes that date and says so; "t/m <date>" includes it', () => {
      const parsed = series('plan FTO elke week op dinsdag 19:00 vanaf 1 dec tot 15 dec');
      expect(parsed.series.occurrences.map((o) => o.localDate)).toEqual(['2026-12-01', '2026-12-08']);
      expect(codes(parsed.warnings)).toContain('meetings.series.untilExcluded');
      expect(dates('plan FTO elke week op dinsdag 19:00 vanaf 1 dec t/m 15 dec')).toEqual(['2026-12-01', '2026-12-08', '2026-12-15']);
    });

    it('"tot maart" after a start in May is next March', () => {
      expect(dates('plan FTO elke 8 weken op dinsdag 19:00 vanaf 4 mei 2027 tot maart').at(-1)).toBe('2028-02-08');
    });

    it('"vanaf januari" starts on the first of the next January', () => {
      expect(dates('plan FTO elke maand 19:00 vanaf januari 3 keer')).toEqual(['2027-01-01', '2027-02-01', '2027-03-01']);
    });

    it('an end before the start is an error', () => {
      expect(domainError(() => series('plan FTO elke week 19:00 vanaf 8 dec 2026 tot 1 dec 2026')).code).toBe(
        'meetings.series.endBeforeStart',
      );
    });
  });

  describe('monthly', () => {
    it('"elke maand" is the same day of the month; a missing day becomes the last day, with a warning', () => {
      const parsed = series('plan wijkoverleg elke maand 19:30 vanaf 31 jan 2027 t/m mei 2027');
      expect(parsed.series.occurrences.map((o) => o.localDate)).toEqual(['2027-01-31', '2027-02-28', '2027-03-31', '2027-04-30', '2027-05-31']);
      const february = parsed.series.occurrences[1];
      expect(february.warnings[0]).toMatchObject({ code: 'meetings.series.dayClamped', params: { day: 31 } });
      expect(parsed.series.occurrences[2].warnings).not.toContainEqual(expect.objectContaining({ code: 'meetings.series.dayClamped' }));
    });

    it('"elke 2 maanden"', () => {
      expect(dates('plan FTO elke 2 maanden 19:00 vanaf 12 jan 4 keer')).toEqual(['2027-01-12', '2027-03-12', '2027-05-12', '2027-07-12']);
    });

    it('"elke tweede dinsdag van de maand" and "elke laatste donderdag"', () => {
      expect(dates('plan FTO elke tweede dinsdag van de maand 19:00 vanaf jan 3 keer')).toEqual(['2027-01-12', '2027-02-09', '2027-03-09']);
      expect(dates('plan FTO elke laatste donderdag 19:00 3 keer')).toEqual(['2026-11-26', '2026-12-31', '2027-01-28']);
    });

    it('"elke maand op dinsdag" asks which Tuesday', () => {
      expect(domainError(() => series('plan FTO elke maand op dinsdag 19:00'))).toMatchObject({
        code: 'meetings.series.monthlyWeekdayNeedsOrdinal',
        params: { weekdayNl: 'dinsdag', weekdayEn: 'Tuesday' },
      });
    });

    it('weekdayOfMonth', () => {
      expect(weekdayOfMonth(2027, 2, 1, 1)).toEqual({ year: 2027, month: 2, day: 1 });
      expect(weekdayOfMonth(2027, 2, 7, -1)).toEqual({ year: 2027, month: 2, day: 28 });
      expect(weekdayOfMonth(2027, 3, 2, 4)).toEqual({ year: 2027, month: 3, day: 23 });
    });
  });

  describe('limits', () => {
    it(`caps at ${MAX_SERIES_OCCURRENCES} occurrences with a warning`, () => {
      const parsed = series('plan FTO elke week op dinsdag 19:00 vanaf 1 dec t/m december 2027');
      expect(parsed.series.occurrences).toHaveLength(26);
      expect(parsed.warnings).toContainEqual({
        code: 'meetings.series.capped',
        params: expect.objectContaining({ max: 26, last: '2027-05-25' }),
      });
    });

    it('runs for one year when no end is given, and says so', () => {
      const parsed = series('plan PaTz elke 8 weken op dinsdag 12:30 vanaf 13 jan');
      expect(parsed.series.untilExclusive).toBe('2028-01-19');
      expect(parsed.series.occurrences).toHaveLength(7);
      expect(parsed.warnings).toContainEqual({ code: 'meetings.series.defaultEnd', params: expect.objectContaining({ date: '2028-01-18' }) });
    });

    it('"6 keer" ends after six', () => {
      const parsed = series('plan PaTz elke 8 weken op dinsdag 12:30 vanaf 12 jan 6 keer');
      expect(parsed.series.occurrences).toHaveLength(6);
      expect(codes(parsed.warnings)).not.toContain('meetings.series.defaultEnd');
    });
  });

  describe('errors', () => {
    it('a series needs a start', () => {
      expect(domainError(() => series('plan FTO elke maand 19:00')).code).toBe('meetings.series.noStart');
    });
    it('"vanaf" or "tot" without a rule', () => {
      expect(domainError(() => parsePlanCommand('plan FTO 19:00 vanaf 13 jan tot juli', ctx)).code).toBe('meetings.series.missingRule');
    });
    it('parseSeriesCommand refuses a single meeting', () => {
      expect(domainError(() => series('plan FTO di 8 dec 12:30')).code).toBe('meetings.series.missingRule');
    });
    it('two weekdays', () => {
      expect(domainError(() => series('plan FTO elke dinsdag op woensdag 19:00')).code).toBe('meetings.series.weekdayConflict');
    });
    it('two start dates', () => {
      expect(domainError(() => series('plan FTO 8 dec elke week 19:00 vanaf 15 dec')).code).toBe('meetings.plan.twoDates');
    });
    it('a missing time', () => {
      expect(domainError(() => series('plan FTO elke week op dinsdag')).code).toBe('meetings.plan.missingTime');
    });
  });

  it('expandSeries can be used directly', () => {
    const expanded = expandSeries({
      recurrence: { frequency: 'weekly', interval: 1, weekday: 5 },
      from: { year: 2026, month: 12, day: 21 },
      until: { kind: 'date', date: { year: 2027, month: 1, day: 2 }, inclusive: true },
      time: { hour: 12, minute: 0 },
      now: NOW,
      today: { year: 2026, month: 11, day: 23 },
    });
    expect(expanded.occurrences.map((o) => [o.localDate, codes(o.warnings)])).toEqual([
      ['2026-12-25', ['meetings.date.holiday']],
      ['2027-01-01', ['meetings.date.holiday']],
    ]);
  });
});
