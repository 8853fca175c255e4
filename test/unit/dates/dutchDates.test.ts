import { parseDutchDate, parseDutchDateTime } from '../../../src/dates/dutchDates';
import { codes, domainError, NOW } from '../meetings/helpers';

const date = (text: string, now = NOW) => parseDutchDate(text, now).localDate;

describe('Dutch dates (today is Monday 23 November 2026)', () => {
  it.each([
    ['di 8 dec', '2026-12-08'],
    ['dinsdag 8 december', '2026-12-08'],
    ['Dinsdag, 8 December', '2026-12-08'],
    ['8 december 2026', '2026-12-08'],
    ['8 dec.', '2026-12-08'],
    ['8-12', '2026-12-08'],
    ['8-12-2026', '2026-12-08'],
    ['8-12-26', '2026-12-08'],
    ['8/12', '2026-12-08'],
    ['8/12/2026', '2026-12-08'],
    ['2026-12-08', '2026-12-08'],
    ['op 8 dec', '2026-12-08'],
    ['vandaag', '2026-11-23'],
    ['morgen', '2026-11-24'],
    ['overmorgen', '2026-11-25'],
    ['volgende week dinsdag', '2026-12-01'],
    ['dinsdag volgende week', '2026-12-01'],
    ['komende week vrijdag', '2026-12-04'],
    ['deze week vrijdag', '2026-11-27'],
    ['dinsdag', '2026-11-24'],
    ['op donderdag', '2026-11-26'],
    ['maandag', '2026-11-30'], // said on a Monday: next week's, not today
    ['komende dinsdag', '2026-11-24'],
    ['dinsdag a.s.', '2026-11-24'],
    ['over twee weken', '2026-12-07'],
    ['over 2 weken', '2026-12-07'],
    ['over een week', '2026-11-30'],
    ['over 3 dagen', '2026-11-26'],
    ['over drie dagen', '2026-11-26'],
    ['over een maand', '2026-12-23'],
    ['over twee weken dinsdag', '2026-12-08'],
    ['di 8', '2026-12-08'],
    ['do 3', '2026-12-03'],
    ['ma 23', '2026-11-23'],
    ['ma 14e', '2026-12-14'],
  ])('%s → %s', (text, expected) => {
    expect(date(text)).toBe(expected);
  });

  it.each([
    ['tue 8 dec', '2026-12-08'],
    ['Tuesday 8 December', '2026-12-08'],
    ['thu 3', '2026-12-03'],
    ['8 march', '2027-03-08'],
    ['fri 14 may', '2027-05-14'],
  ])('English day and month names for English-speaking colleagues: %s → %s', (text, expected) => {
    expect(date(text)).toBe(expected);
  });

  describe('year inference', () => {
    it('puts a date that has passed this year in next year', () => {
      expect(date('14-1')).toBe('2027-01-14');
      expect(date('3 maart')).toBe('2027-03-03');
      expect(date('22-11')).toBe('2027-11-22');
    });
    it('keeps today and later dates in this year', () => {
      expect(date('23-11')).toBe('2026-11-23');
      expect(date('31 dec')).toBe('2026-12-31');
    });
    it('on 31 December, "2-1" is two days later', () => {
      expect(date('2-1', new Date('2026-12-31T12:00:00Z'))).toBe('2027-01-02');
    });
    it('finds the next 29 February', () => {
      expect(date('29-2')).toBe('2028-02-29');
    });
    it('keeps an explicit past year and warns', () => {
      const parsed = parseDutchDateTime('8-12-2025 19:00', NOW);
      expect(parsed.localDate).toBe('2025-12-08');
      expect(codes(parsed.warnings)).toContain('meetings.date.past');
    });
  });

  describe('weekday mismatch', () => {
    it('warns when the weekday does not match and suggests the nearest one', () => {
      const parsed = parseDutchDate('ma 8 dec', NOW);
      expect(parsed.localDate).toBe('2026-12-08');
      expect(parsed.warnings).toEqual([
        {
          code: 'meetings.date.weekdayMismatch',
          params: expect.objectContaining({
            date: '2026-12-08',
            dateNl: 'dinsdag 8 december 2026',
            givenNl: 'maandag',
            actualNl: 'dinsdag',
            actualEn: 'Tuesday',
            suggestion: '2026-12-07',
          }),
        },
      ]);
    });
    it('checks numeric dates too', () => {
      expect(codes(parseDutchDate('vr 14-1', NOW).warnings)).toEqual(['meetings.date.weekdayMismatch']);
      expect(parseDutchDate('do 14-1', NOW).warnings).toEqual([]);
    });
    it('checks a weekday with a bare day number ("wo 8" when the 8th is a Tuesday)', () => {
      expect(parseDutchDate('wo 8', NOW).warnings[0]).toMatchObject({ code: 'meetings.date.weekdayMismatch', params: { suggestion: '2026-12-09' } });
    });
    it('is silent when the weekday matches', () => {
      expect(parseDutchDate('dinsdag 8 december', NOW).warnings).toEqual([]);
    });
  });

  it('"volgende dinsdag" on a Monday is tomorrow, with a warning naming next week\'s', () => {
    const parsed = parseDutchDate('volgende dinsdag', NOW);
    expect(parsed.localDate).toBe('2026-11-24');
    expect(parsed.warnings[0]).toMatchObject({ code: 'meetings.date.volgendeAmbiguous', params: { alternative: '2026-12-01' } });
  });

  it('"vanavond" and "morgenochtend" carry the part of the day', () => {
    expect(parseDutchDateTime('vanavond om 8 uur', NOW).localTime).toBe('20:00');
    expect(parseDutchDateTime('morgenochtend om 8 uur', NOW)).toMatchObject({ localDate: '2026-11-24', localTime: '08:00' });
  });

  describe('errors', () => {
    it.each(['31-11', '30 februari 2027', '2026-02-30'])('%s does not exist', (text) => {
      expect(domainError(() => parseDutchDate(text, NOW)).code).toBe('meetings.date.invalid');
    });
    it('asks for a day after "volgende week"', () => {
      expect(domainError(() => parseDutchDate('volgende week', NOW))).toMatchObject({
        code: 'meetings.date.needsWeekday',
        params: { input: 'volgende week' },
      });
    });
    it('rejects words that are not a date', () => {
      expect(domainError(() => parseDutchDate('binnenkort', NOW)).code).toBe('meetings.date.unparseable');
      expect(domainError(() => parseDutchDate('8 dec ofzo', NOW))).toMatchObject({ params: { words: 'ofzo' } });
    });
    it('"19-21" is not a date', () => {
      expect(domainError(() => parseDutchDate('19-21', NOW)).code).toBe('meetings.date.unparseable');
    });
  });
});

describe('a date never jumps a year silently (weekday with a date that just passed)', () => {
  /** Thursday 3 December 2026, 10:00 in Amsterdam. */
  const DEC_3 = new Date('2026-12-03T09:00:00Z');
  /** Monday 4 January 2027, 10:00 in Amsterdam: last week was last year. */
  const JAN_4 = new Date('2027-01-04T09:00:00Z');
  const warning = (text: string, now: Date, code: string) => parseDutchDate(text, now).warnings.find((w) => w.code === code);

  it('"ma 30 nov" on Thursday 3 December is the Monday three days ago, said to lie in the past, not Tuesday 30 November 2027', () => {
    const parsed = parseDutchDateTime('ma 30 nov 12:30', DEC_3);
    expect(parsed.localDate).toBe('2026-11-30');
    expect(parsed.startsAt.toISOString()).toBe('2026-11-30T11:30:00.000Z');
    expect(codes(parsed.warnings)).toEqual(['meetings.date.recentPast', 'meetings.date.past']);
    expect(parsed.warnings[0]!.params).toMatchObject({ date: '2026-11-30', agoDays: 3, agoNl: '3 dagen geleden', later: '2027-11-30' });
  });

  it('a weekday with a bare day number does the same ("ma 30": the Monday just gone, not Wednesday 30 December)', () => {
    expect(date('ma 30', DEC_3)).toBe('2026-11-30');
    expect(warning('ma 30', DEC_3, 'meetings.date.recentPast')?.params).toMatchObject({ later: '2026-12-30', agoNl: '3 dagen geleden' });
  });

  it('across the year boundary: on 4 January "ma 28 dec" and "ma 28" are 28 December of the year just ended', () => {
    expect(date('ma 28 dec', JAN_4)).toBe('2026-12-28');
    expect(date('ma 28', JAN_4)).toBe('2026-12-28');
    expect(parseDutchDateTime('wo 30 dec 19:00', JAN_4).startsAt.toISOString()).toBe('2026-12-30T18:00:00.000Z');
    expect(warning('ma 28 dec', JAN_4, 'meetings.date.recentPast')?.params).toMatchObject({ agoNl: '7 dagen geleden', later: '2027-12-28' });
  });

  it('across the clock change: "zo 25 okt 02:30" on 5 November is the Sunday the clocks went back, first (summer-time) 02:30', () => {
    const parsed = parseDutchDateTime('zo 25 okt 02:30', new Date('2026-11-05T09:00:00Z'));
    expect(parsed.localDate).toBe('2026-10-25');
    expect(parsed.startsAt.toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(codes(parsed.warnings)).toEqual(expect.arrayContaining(['meetings.date.recentPast', 'meetings.time.dstAmbiguous', 'meetings.date.past']));
  });

  it('yesterday reads as "gisteren"', () => {
    expect(warning('wo 2 dec', DEC_3, 'meetings.date.recentPast')?.params).toMatchObject({ agoDays: 1, agoNl: 'gisteren', agoEn: 'yesterday' });
  });

  it('a weekday that fits the date ahead keeps it, and the jump of a year is still named', () => {
    expect(date('di 30 nov', DEC_3)).toBe('2027-11-30');
    expect(codes(parseDutchDate('di 30 nov', DEC_3).warnings)).toEqual(['meetings.date.yearMoved']);
  });

  it('without a weekday, a date a few days gone is next year\'s with a remark naming the date that passed', () => {
    const parsed = parseDutchDate('30 nov', DEC_3);
    expect(parsed.localDate).toBe('2027-11-30');
    expect(parsed.warnings).toEqual([expect.objectContaining({ code: 'meetings.date.yearMoved', params: expect.objectContaining({ passed: '2026-11-30', date: '2027-11-30', dayMonthNl: '30 november' }) })]);
    expect(codes(parseDutchDate('28 dec', JAN_4).warnings)).toEqual(['meetings.date.yearMoved']);
  });

  it('a weekday fitting neither reading keeps next year\'s date and says both: the year jump and the weekday', () => {
    expect(date('wo 30 nov', DEC_3)).toBe('2027-11-30');
    expect(codes(parseDutchDate('wo 30 nov', DEC_3).warnings)).toEqual(['meetings.date.yearMoved', 'meetings.date.weekdayMismatch']);
  });

  it('beyond the recent weeks the date ahead is kept, but a weekday pointing back a year is answered with the year read', () => {
    // 2 March 2026 was a Monday, 9 months ago; 2 March 2027 is a Tuesday
    expect(date('ma 2 mrt', DEC_3)).toBe('2027-03-02');
    expect(codes(parseDutchDate('ma 2 mrt', DEC_3).warnings)).toEqual(['meetings.date.yearMoved', 'meetings.date.weekdayMismatch']);
    // the window: 12 October (52 days) is recent, 5 October (59 days) is not
    expect(date('ma 12 okt', DEC_3)).toBe('2026-10-12');
    expect(date('ma 5 okt', DEC_3)).toBe('2027-10-05');
  });

  it('dates long past and a weekday that fits neither year stay as before: next year, weekday warning only', () => {
    expect(parseDutchDate('14-1', DEC_3).warnings).toEqual([]);
    expect(codes(parseDutchDate('vr 14-1', DEC_3).warnings)).toEqual(['meetings.date.weekdayMismatch']);
  });

  it('every new remark has Dutch and English text that names the dates', () => {
    const { t } = jest.requireActual('../../../src/i18n') as typeof import('../../../src/i18n');
    const recent = parseDutchDateTime('ma 30 nov 12:30', DEC_3).warnings[0]!;
    expect(t('nl', recent.code, recent.params)).toBe('Ik lees maandag 30 november 2026, 3 dagen geleden: daar past maandag bij, bij dinsdag 30 november 2027 niet. Plan je een bijeenkomst die nog moet komen, pas dan de datum aan.');
    expect(t('en', recent.code, recent.params)).toContain('Monday 30 November 2026, 3 days ago');
    const moved = parseDutchDate('30 nov', DEC_3).warnings[0]!;
    expect(t('nl', moved.code, moved.params)).toBe('30 november is al voorbij (maandag 30 november 2026), dus ik lees dinsdag 30 november 2027.');
  });
});
