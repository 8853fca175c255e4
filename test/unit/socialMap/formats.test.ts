import {
  amsterdamToday,
  checkAgb,
  checkDate,
  checkDutchPhone,
  checkEmail,
  checkPostcode,
  checkPostcodeArea,
  checkWebsite,
  dateToInstant,
  instantToDate,
  phoneToE164,
} from '../../../src/features/socialMap/formats';

describe('checkPostcode', () => {
  it.each([
    ['1092 AB', '1092 AB'],
    ['1092ab', '1092 AB'],
    ['1092  Ab', '1092 AB'],
    [' 1092AB ', '1092 AB'],
  ])('normalises %p to %p', (raw, value) => {
    expect(checkPostcode(raw)).toEqual({ ok: true, value });
  });

  it('rejects a leading zero, SA/SD/SS and other shapes', () => {
    expect(checkPostcode('0123 AB')).toMatchObject({ ok: false, code: 'socialMap.csv.postcodeLeadingZero' });
    for (const letters of ['SA', 'sd', 'SS']) {
      expect(checkPostcode(`1092 ${letters}`)).toMatchObject({ ok: false, code: 'socialMap.csv.postcodeLetters' });
    }
    for (const raw of ['1092', '109 AB', '1092 A', '1092 ABC', 'AB 1092']) {
      expect(checkPostcode(raw)).toMatchObject({ ok: false, code: 'socialMap.csv.postcodeFormat' });
    }
  });
});

describe('checkPostcodeArea', () => {
  it('takes a PC4 or a bounded range', () => {
    expect(checkPostcodeArea('1092', 30)).toEqual({ ok: true, value: ['1092'] });
    expect(checkPostcodeArea('1091-1093', 30)).toEqual({ ok: true, value: ['1091', '1092', '1093'] });
    expect(checkPostcodeArea('1093-1091', 30)).toMatchObject({ ok: false });
    expect(checkPostcodeArea('1000-1100', 30)).toMatchObject({ ok: false, code: 'socialMap.csv.postcodeRange' });
    expect(checkPostcodeArea('0192', 30)).toMatchObject({ ok: false });
  });
});

describe('checkAgb', () => {
  it('accepts exactly 8 digits', () => {
    expect(checkAgb('04123456')).toEqual({ ok: true, value: '04123456' });
    expect(checkAgb('0412345')).toMatchObject({ ok: false, code: 'socialMap.csv.agbLeadingZero', params: { padded: '00412345' } });
    expect(checkAgb('041234567')).toMatchObject({ ok: false, code: 'socialMap.csv.agbFormat' });
    expect(checkAgb('04-123456')).toMatchObject({ ok: false, code: 'socialMap.csv.agbFormat' });
  });
});

describe('checkDutchPhone', () => {
  it.each([
    ['020-1234567', '020-1234567'],
    ['020 123 4567', '020-1234567'],
    ['(020) 1234567', '020-1234567'],
    ['+31 20 123 4567', '020-1234567'],
    ['+31 (0)20 1234567', '020-1234567'],
    ['0031201234567', '020-1234567'],
    ['06-12345678', '06-12345678'],
    ['+31612345678', '06-12345678'],
    ['0299-123456', '0299-123456'],
    ['088 1234567', '088-1234567'],
    ['0800-1234', '0800-1234'],
  ])('normalises %p to %p', (raw, value) => {
    expect(checkDutchPhone(raw)).toEqual({ ok: true, value });
  });

  it('rejects foreign, short, long and lettered numbers', () => {
    expect(checkDutchPhone('+32 2 123 45 67')).toMatchObject({ ok: false, code: 'socialMap.csv.phoneForeign' });
    for (const raw of ['020-123456', '020-12345678', '12345678', 'bel 020-1234567', '06-1234567x']) {
      expect(checkDutchPhone(raw)).toMatchObject({ ok: false, code: 'socialMap.csv.phoneFormat' });
    }
  });

  it('converts to E.164 for tel: links', () => {
    expect(phoneToE164('020-1234567')).toBe('+31201234567');
    expect(phoneToE164('06-12345678')).toBe('+31612345678');
  });
});

describe('checkEmail and checkWebsite', () => {
  it('accepts ordinary addresses and lower-cases them', () => {
    expect(checkEmail(' Info@Praktijk-Oost.NL ', 254)).toEqual({ ok: true, value: 'info@praktijk-oost.nl' });
    expect(checkEmail('mailto:a.b@c.nl', 254)).toEqual({ ok: true, value: 'a.b@c.nl' });
  });

  it.each(['info@', 'info@praktijk', 'in fo@praktijk.nl', 'a@@b.nl', 'a..b@c.nl', '@c.nl'])('rejects %p', (raw) => {
    expect(checkEmail(raw, 254)).toMatchObject({ ok: false, code: 'socialMap.csv.emailFormat' });
  });

  it('adds https:// to a bare host and rejects non-web URLs', () => {
    expect(checkWebsite('www.praktijk.nl', 300)).toEqual({ ok: true, value: 'https://www.praktijk.nl' });
    expect(checkWebsite('http://praktijk.nl/team', 300)).toEqual({ ok: true, value: 'http://praktijk.nl/team' });
    expect(checkWebsite('ftp://praktijk.nl', 300)).toMatchObject({ ok: false });
    expect(checkWebsite('praktijk', 300)).toMatchObject({ ok: false });
    expect(checkWebsite('www.prak tijk.nl', 300)).toMatchObject({ ok: false });
  });
});

describe('dates', () => {
  it('reads YYYY-MM-DD and DD-MM-YYYY (and what Excel makes of it)', () => {
    expect(checkDate('2026-11-23')).toEqual({ ok: true, value: '2026-11-23' });
    expect(checkDate('23-11-2026')).toEqual({ ok: true, value: '2026-11-23' });
    expect(checkDate('3-1-2026')).toEqual({ ok: true, value: '2026-01-03' });
    expect(checkDate('23/11/2026')).toEqual({ ok: true, value: '2026-11-23' });
  });

  it('rejects impossible and unrecognised dates', () => {
    expect(checkDate('2026-02-30')).toMatchObject({ ok: false, code: 'socialMap.csv.dateInvalid' });
    expect(checkDate('31-04-2026')).toMatchObject({ ok: false, code: 'socialMap.csv.dateInvalid' });
    expect(checkDate('11/23/2026')).toMatchObject({ ok: false, code: 'socialMap.csv.dateInvalid' });
    expect(checkDate('23 nov 2026')).toMatchObject({ ok: false, code: 'socialMap.csv.dateFormat' });
    expect(checkDate('2026-11-23T10:00')).toMatchObject({ ok: false, code: 'socialMap.csv.dateFormat' });
  });

  it('converts calendar dates to Amsterdam midnight and back, across DST', () => {
    expect(dateToInstant('2026-07-01').toISOString()).toBe('2026-06-30T22:00:00.000Z');
    expect(dateToInstant('2026-12-01').toISOString()).toBe('2026-11-30T23:00:00.000Z');
    expect(instantToDate(dateToInstant('2026-03-29'))).toBe('2026-03-29');
    expect(amsterdamToday(new Date('2026-11-23T23:30:00Z'))).toBe('2026-11-24');
  });
});
