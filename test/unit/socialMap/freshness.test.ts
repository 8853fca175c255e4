import { calendarDaysBetween, isStale90, stalePartners } from '../../../src/features/socialMap/freshness';
import { dateToInstant } from '../../../src/features/socialMap/formats';
import { partner } from './fixtures';

const NOW = new Date('2026-11-23T10:00:00Z');
const checked = (ymd: string) => dateToInstant(ymd);

describe('isStale90', () => {
  it('flags never-checked entries and those checked more than 90 calendar days ago', () => {
    expect(isStale90(null, NOW)).toBe(true);
    expect(isStale90(checked('2026-08-25'), NOW)).toBe(false); // 90 days
    expect(isStale90(checked('2026-08-24'), NOW)).toBe(true); // 91 days
    expect(isStale90(checked('2026-11-23'), NOW)).toBe(false);
  });

  it('counts Amsterdam calendar days, not 24-hour blocks across DST', () => {
    // 25 October 2026 is the end of summer time; late evening UTC is already the next day in Amsterdam.
    expect(isStale90(checked('2026-08-25'), new Date('2026-11-23T22:59:00Z'))).toBe(false);
    expect(isStale90(checked('2026-08-25'), new Date('2026-11-23T23:00:00Z'))).toBe(true);
    expect(calendarDaysBetween('2026-10-24', '2026-10-26')).toBe(2);
  });
});

describe('stalePartners', () => {
  const fresh = partner({ name: 'Fresh', lastCheckedAt: checked('2026-11-10') });
  const edge = partner({ name: 'Exactly 28 days', lastCheckedAt: checked('2026-10-26') });
  const old = partner({ name: 'Old', lastCheckedAt: checked('2026-10-01') });
  const older = partner({ name: 'Older', lastCheckedAt: checked('2026-06-01') });
  const never = partner({ name: 'Never' });
  const stopOpen = partner({ name: 'Stop, unchecked', lastCheckedAt: checked('2026-10-20'), intakeStop: { active: true, until: null, note: null } });
  const stopFresh = partner({ name: 'Stop, checked', lastCheckedAt: checked('2026-11-20'), intakeStop: { active: true, until: '2027-01-01', note: null } });
  const stopEnded = partner({ name: 'Stop ended', lastCheckedAt: checked('2026-11-20'), intakeStop: { active: true, until: '2026-11-22', note: null } });
  const wait = partner({ name: 'Wait time', lastCheckedAt: checked('2026-09-01'), waitWeeks: 6 });

  it('lists what the coordinator must re-check, most urgent first', () => {
    const result = stalePartners([fresh, edge, old, older, never, stopOpen, stopFresh, stopEnded, wait], NOW);
    expect(result.map((e) => [e.partner.name, e.reasons, e.daysSinceCheck])).toEqual([
      ['Stop ended', ['intakeStopEnded'], 3],
      ['Stop, unchecked', ['intakeStopOpen'], 34],
      ['Wait time', ['waitTime'], 83],
      ['Never', ['neverChecked'], null],
      ['Older', ['notChecked'], 175],
      ['Old', ['notChecked'], 53],
    ]);
  });

  it('takes the age limit as a parameter', () => {
    expect(stalePartners([fresh, old], NOW, 7).map((e) => e.partner.name)).toEqual(['Old', 'Fresh']);
    expect(stalePartners([fresh, old], NOW, 365)).toEqual([]);
  });

  it('lists an open intake stop with an overdue wait time under both reasons', () => {
    const both = partner({ name: 'Both', intakeStop: { active: true, until: null, note: null }, waitWeeks: 10 });
    expect(stalePartners([both], NOW)[0]!.reasons).toEqual(['intakeStopOpen', 'waitTime']);
  });
});
