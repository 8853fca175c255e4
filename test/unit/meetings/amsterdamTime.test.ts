import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { parsePlanCommand } from '../../../src/features/meetings/planCommand';
import {
  amsterdamToday,
  parseDutchDateTime,
  publicHolidayOn,
  toAmsterdamInstant,
} from '../../../src/dates/dutchDates';
import { codes, GROUPS, NOW } from './helpers';

/**
 * The host's time zone must not matter: servers run in UTC, laptops anywhere. Jest gives a test file its
 * own copy of process.env, so assigning process.env.TZ here would not change the real zone; instead the
 * same probe runs in child processes started with TZ set, and all must agree with the expected instants.
 */
const ZONES: [string, number][] = [
  ['UTC', 0],
  ['America/Los_Angeles', 480],
  ['Europe/Amsterdam', -60],
  ['Asia/Tokyo', -540],
  ['Pacific/Kiritimati', -840],
  ['America/St_Johns', 210],
];

const CASES: [string, string][] = [
  ['di 8 dec 12:30', '2026-12-08T11:30:00.000Z'],
  ['14-1 om half 1', '2027-01-14T11:30:00.000Z'],
  ['morgen 19:00', '2026-11-24T18:00:00.000Z'],
  ['volgende week dinsdag 17.30', '2026-12-01T16:30:00.000Z'],
  ['2027-07-01 12:30', '2027-07-01T10:30:00.000Z'], // summer time: UTC+2
  ['29-3-2026 02:30', '2026-03-29T01:30:00.000Z'], // DST gap: 03:30 CEST
  ['25-10-2026 02:30', '2026-10-25T00:30:00.000Z'], // DST overlap: the first 02:30
];

const PROBE = path.join(__dirname, 'fixtures', 'tzProbe.ts');
const TSX = path.resolve(__dirname, '../../../node_modules/.bin/tsx');

function probe(zone: string): {
  hostOffsetMinutes: number;
  parsed: { startsAt: string; localDate: string; localTime: string; warnings: string[] }[];
  seriesStarts: string[];
  todayLateEvening: unknown;
  compact: string;
  ics: string;
} {
  const output = execFileSync(TSX, [PROBE, JSON.stringify(CASES.map(([text]) => text))], {
    env: { ...process.env, TZ: zone },
    encoding: 'utf8',
  });
  return JSON.parse(output);
}

describe('independent of the host time zone', () => {
  const results = new Map<string, ReturnType<typeof probe>>();
  beforeAll(() => {
    for (const [zone] of ZONES) results.set(zone, probe(zone));
  }, 60_000);

  it.each(ZONES)('TZ=%s really runs in that zone and gives the expected instants', (zone, offset) => {
    const result = results.get(zone)!;
    expect(result.hostOffsetMinutes).toBe(offset);
    expect(result.parsed.map((p) => p.startsAt)).toEqual(CASES.map(([, iso]) => iso));
    expect(result.todayLateEvening).toEqual({ year: 2026, month: 11, day: 24 });
    expect(result.compact).toBe('di 8 dec 12.30');
  });

  it('every zone gives exactly the same output', () => {
    const reference = JSON.stringify({ ...results.get('UTC'), hostOffsetMinutes: 0 });
    for (const [zone] of ZONES) {
      expect(JSON.stringify({ ...results.get(zone), hostOffsetMinutes: 0 })).toBe(reference);
    }
  });

  it('series occurrences keep 12:30 local across the spring change (UTC hour moves)', () => {
    expect(results.get('America/Los_Angeles')!.seriesStarts).toEqual([
      '2027-01-19T11:30:00.000Z',
      '2027-03-16T11:30:00.000Z',
      '2027-05-11T10:30:00.000Z',
    ]);
  });

  it('in this process too', () => {
    for (const [text, iso] of CASES) expect(parseDutchDateTime(text, NOW).startsAt.toISOString()).toBe(iso);
    const plan = parsePlanCommand('plan FTO di 8 dec 12:30 Oost over antistolling', { now: NOW, groupNames: GROUPS });
    expect(plan.startsAt.toISOString()).toBe('2026-12-08T11:30:00.000Z');
  });
});

describe('"today" is the Amsterdam calendar day', () => {
  it('23:30 UTC on 23 November is already the 24th in Amsterdam', () => {
    const lateEvening = new Date('2026-11-23T23:30:00Z');
    expect(amsterdamToday(lateEvening)).toEqual({ year: 2026, month: 11, day: 24 });
    expect(parseDutchDateTime('morgen 12:30', lateEvening).localDate).toBe('2026-11-25');
  });
  it('22:30 UTC is 23:30 in Amsterdam: still the 23rd', () => {
    expect(amsterdamToday(new Date('2026-11-23T22:30:00Z'))).toEqual({ year: 2026, month: 11, day: 23 });
  });
});

describe('daylight saving time in Amsterdam', () => {
  it('12:30 stays 12:30 local on both sides of the spring change (29 March 2026)', () => {
    expect(toAmsterdamInstant({ year: 2026, month: 3, day: 28 }, { hour: 12, minute: 30 }).instant.toISOString()).toBe(
      '2026-03-28T11:30:00.000Z',
    );
    expect(toAmsterdamInstant({ year: 2026, month: 3, day: 29 }, { hour: 12, minute: 30 }).instant.toISOString()).toBe(
      '2026-03-29T10:30:00.000Z',
    );
  });

  it('12:30 stays 12:30 local on both sides of the autumn change (25 October 2026)', () => {
    expect(toAmsterdamInstant({ year: 2026, month: 10, day: 24 }, { hour: 12, minute: 30 }).instant.toISOString()).toBe(
      '2026-10-24T10:30:00.000Z',
    );
    expect(toAmsterdamInstant({ year: 2026, month: 10, day: 25 }, { hour: 12, minute: 30 }).instant.toISOString()).toBe(
      '2026-10-25T11:30:00.000Z',
    );
  });

  it('02:30 on 29 March 2026 does not exist: shifted to 03:30 with a warning', () => {
    const built = toAmsterdamInstant({ year: 2026, month: 3, day: 29 }, { hour: 2, minute: 30 });
    expect(built.time).toEqual({ hour: 3, minute: 30 });
    expect(built.instant.toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(built.dst).toEqual({ kind: 'gap', requested: { hour: 2, minute: 30 }, actual: { hour: 3, minute: 30 } });

    const parsed = parseDutchDateTime('29-3-2026 02:30', NOW);
    expect(parsed.localTime).toBe('03:30');
    const gap = parsed.warnings.find((w) => w.code === 'meetings.time.dstGap');
    expect(gap?.params).toMatchObject({ requested: '02:30', actual: '03:30', date: '2026-03-29' });
  });

  it('02:30 on 25 October 2026 happens twice: the first (summer time) with a warning', () => {
    const built = toAmsterdamInstant({ year: 2026, month: 10, day: 25 }, { hour: 2, minute: 30 });
    expect(built.instant.toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(built.dst).toMatchObject({ kind: 'ambiguous', offsets: expect.arrayContaining(['+02:00', '+01:00']) });
    expect(codes(parseDutchDateTime('25-10-2026 02:30', NOW).warnings)).toContain('meetings.time.dstAmbiguous');
  });
});

describe('public holidays', () => {
  it.each([
    ['25-12 19:00', 'Kerstmis', '2026-12-25'],
    ['26 dec 19:00', 'Tweede kerstdag', '2026-12-26'],
    ['27-4-2027 19:00', 'Koningsdag', '2027-04-27'],
    ['1-1 19:00', 'Nieuwjaar', '2027-01-01'],
    ['6 mei 2027 19:00', 'Hemelvaartsdag', '2027-05-06'],
  ])('%s is %s', (text, name, date) => {
    const parsed = parseDutchDateTime(text, NOW);
    const holiday = parsed.warnings.find((w) => w.code === 'meetings.date.holiday');
    expect(holiday?.params).toMatchObject({ date, nameNl: name });
    expect(typeof holiday?.params.nameEn).toBe('string');
  });

  it('moves Koningsdag to 26 April when the 27th is a Sunday (2025)', () => {
    expect(publicHolidayOn({ year: 2025, month: 4, day: 26 })?.nl).toBe('Koningsdag');
    expect(publicHolidayOn({ year: 2025, month: 4, day: 27 })).toBeUndefined();
  });

  it('ignores observances that are working days (Sinterklaas, Koninkrijksdag)', () => {
    expect(parseDutchDateTime('5-12 19:00', NOW).warnings.map((w) => w.code)).not.toContain('meetings.date.holiday');
    expect(parseDutchDateTime('15-12 19:00', NOW).warnings).toEqual([]);
  });

  it('warns about weekends separately', () => {
    expect(codes(parseDutchDateTime('za 26 dec 19:00', NOW).warnings)).toEqual(['meetings.date.holiday', 'meetings.date.weekend']);
    expect(codes(parseDutchDateTime('za 12 dec 10:00', NOW).warnings)).toEqual(['meetings.date.weekend']);
  });
});

describe('past', () => {
  it('warns when today\'s time has already passed', () => {
    expect(codes(parseDutchDateTime('vandaag 09:00', NOW).warnings)).toEqual(['meetings.date.past']);
    expect(parseDutchDateTime('vandaag 12:00', NOW).warnings).toEqual([]);
  });
});
