import { parseDutchDateTime, parseDutchTime } from '../../../src/dates/dutchDates';
import { codes, domainError, NOW } from '../meetings/helpers';

const time = (text: string) => parseDutchTime(text).localTime;

describe('Dutch times', () => {
  describe('digital notation is the 24-hour clock', () => {
    it.each([
      ['12:30', '12:30'],
      ['12.30', '12.30'],
      ['12.30 uur', '12:30'],
      ['19u30', '19:30'],
      ['8:30', '08:30'],
      ['08.00 uur', '08:00'],
      ['7.30', '07:30'],
      ['17:30', '17:30'],
      ['00:15', '00:15'],
      // 1-6 without a leading zero: nobody meets at half past one at night
      ['1.30', '13:30'],
      ['6:00', '18:00'],
      ['06:00', '06:00'],
    ])('%s → %s', (text, expected) => {
      expect(time(text)).toBe(expected.replace('.', ':'));
    });
  });

  describe('spoken forms', () => {
    it.each([
      ['om 9 uur', '09:00'],
      ['9 uur', '09:00'],
      ['9u', '09:00'],
      ['om 9', '09:00'],
      ['om twee uur', '14:00'],
      ['om 12 uur', '12:00'],
      ['om 13 uur', '13:00'],
      ['half 1', '12:30'],
      ['om half 1', '12:30'],
      ['half een', '12:30'],
      ['half 8', '19:30'],
      ['half 10', '09:30'],
      ['kwart over 3', '15:15'],
      ['kwart voor 4', '15:45'],
      ['kwart voor 1', '12:45'],
      ['tien voor half 6', '17:20'],
      ['10 voor half 6', '17:20'],
      ['vijf over half 2', '13:35'],
      ['10 over 7', '19:10'],
      ['5 voor 8', '19:55'], // falls in the 7 o'clock hour, like "half 8"
      ['10 over 8', '08:10'],
      ['twintig over negen', '09:20'],
      ['half 14', '13:30'],
    ])('%s → %s', (text, expected) => {
      expect(time(text)).toBe(expected);
    });
  });

  describe('daytime preference for spoken hours', () => {
    it('reads 1-7 as afternoon or evening', () => {
      expect(time('om 3 uur')).toBe('15:00');
      expect(time('om 6 uur')).toBe('18:00');
      expect(time('om 7 uur')).toBe('19:00');
    });
    it('reads 8-11 as morning', () => {
      expect(time('om 8 uur')).toBe('08:00');
      expect(time('om 11 uur')).toBe('11:00');
    });
    it('warns with the other reading when both are usual meeting times', () => {
      const parsed = parseDutchTime('om 8 uur');
      expect(parsed.warnings).toEqual([
        { code: 'meetings.time.ambiguous', params: expect.objectContaining({ time: '08:00', alternative: '20:00' }) },
      ]);
      expect(parseDutchTime('half 8').warnings[0]).toMatchObject({ params: { time: '19:30', alternative: '07:30' } });
      expect(parseDutchTime('om 9 uur').warnings[0]).toMatchObject({ params: { alternative: '21:00' } });
    });
    it('does not warn when the other reading is at night', () => {
      expect(parseDutchTime('om 3 uur').warnings).toEqual([]);
      expect(parseDutchTime('half 1').warnings).toEqual([]);
      expect(parseDutchTime('om 11 uur').warnings).toEqual([]);
    });
    it('does not warn for digits', () => {
      expect(parseDutchTime('8:00').warnings).toEqual([]);
    });
  });

  describe("'s ochtends / 's middags / 's avonds decide", () => {
    it.each([
      ["om 7 uur 's ochtends", '07:00'],
      ["half 8 's ochtends", '07:30'],
      ["om 8 uur 's avonds", '20:00'],
      ["om 8 uur 's-avonds", '20:00'],
      ['om 8 uur savonds', '20:00'],
      ["om 8 uur ’s avonds", '20:00'],
      ["om 2 uur 's middags", '14:00'],
      ["12 uur 's middags", '12:00'],
      ["7.30 's avonds", '19:30'],
      ['om 9 uur in de avond', '21:00'],
    ])('%s → %s', (text, expected) => {
      expect(time(text)).toBe(expected);
    });
    it('works when the part of the day comes first', () => {
      expect(parseDutchDateTime("morgen 's avonds om 8 uur", NOW).localTime).toBe('20:00');
    });
  });

  it('warns about unusual meeting times', () => {
    expect(codes(parseDutchTime('06:00').warnings)).toEqual(['meetings.time.unusual']);
    expect(codes(parseDutchTime('23:00').warnings)).toEqual(['meetings.time.unusual']);
    expect(parseDutchTime('21:30').warnings).toEqual([]);
  });

  it('reads a range and places its end after the start', () => {
    expect(parseDutchTime('19:00-21:00')).toMatchObject({ localTime: '19:00', end: { hour: 21, minute: 0 } });
    expect(parseDutchTime('19.00 - 21.30 uur')).toMatchObject({ end: { hour: 21, minute: 30 } });
    expect(parseDutchTime('van 12:30 tot 14:00')).toMatchObject({ localTime: '12:30', end: { hour: 14, minute: 0 } });
    expect(parseDutchTime('19:00-9:00')).toMatchObject({ end: { hour: 21, minute: 0 } });
  });

  describe('errors', () => {
    it.each(['25:00', '12:61', 'om 25 uur'])('%s is not a time', (text) => {
      expect(domainError(() => parseDutchTime(text)).code).toBe('meetings.time.invalid');
    });
    it.each(['straks', 'half', '12:30 ofzo'])('%s is not understood', (text) => {
      expect(domainError(() => parseDutchTime(text)).code).toBe('meetings.time.unparseable');
    });
  });
});
