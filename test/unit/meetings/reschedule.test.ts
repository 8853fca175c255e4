import { parseRescheduleTarget } from '../../../src/features/meetings/planCommand';
import { codes, domainError, NOW } from './helpers';

/** The meeting being moved: Tuesday 8 December 2026, 12:30 Amsterdam. */
const CURRENT = new Date('2026-12-08T11:30:00Z');

describe('parseRescheduleTarget', () => {
  it('splits at "naar" and parses date and time', () => {
    const target = parseRescheduleTarget('verzet FTO 8 dec naar 15 dec 19:00', { now: NOW });
    expect(target).toMatchObject({ meetingRef: 'FTO 8 dec', localDate: '2026-12-15', localTime: '19:00', warnings: [] });
    expect(target.startsAt?.toISOString()).toBe('2026-12-15T18:00:00.000Z');
    expect(target.understood.at(-1)?.nl).toBe('dinsdag 15 december 2026, 19.00 uur');
  });

  it('splits at the last "naar": the meeting reference may contain it', () => {
    expect(parseRescheduleTarget('verzet overleg naar aanleiding van de audit naar morgen 12:30', { now: NOW }).meetingRef).toBe(
      'overleg naar aanleiding van de audit',
    );
  });

  it('only a time: keeps the current date', () => {
    const target = parseRescheduleTarget('verplaats PaTz naar half 2', { now: NOW, current: CURRENT });
    expect(target).toMatchObject({ meetingRef: 'PaTz', localDate: '2026-12-08', localTime: '13:30' });
    expect(target.startsAt?.toISOString()).toBe('2026-12-08T12:30:00.000Z');
  });

  it('only a date: keeps the current time', () => {
    const target = parseRescheduleTarget('verzet FTO naar volgende week dinsdag', { now: NOW, current: CURRENT });
    expect(target).toMatchObject({ localDate: '2026-12-01', localTime: '12:30' });
  });

  it('without the current start and with only a date, there is no instant yet', () => {
    const target = parseRescheduleTarget('verzet FTO naar 15 dec', { now: NOW });
    expect(target).toMatchObject({ localDate: '2026-12-15', localTime: undefined, startsAt: undefined });
  });

  it('passes on warnings for the new date', () => {
    expect(codes(parseRescheduleTarget('verzet FTO naar ma 8 dec 12:30', { now: NOW }).warnings)).toEqual(['meetings.date.weekdayMismatch']);
    expect(codes(parseRescheduleTarget('verzet FTO naar 25 dec 12:30', { now: NOW }).warnings)).toEqual(['meetings.date.holiday']);
  });

  it('errors', () => {
    expect(domainError(() => parseRescheduleTarget('verzet FTO 15 dec', { now: NOW })).code).toBe('meetings.reschedule.missingNaar');
    expect(domainError(() => parseRescheduleTarget('verzet naar 15 dec', { now: NOW })).code).toBe('meetings.reschedule.missingMeeting');
    expect(domainError(() => parseRescheduleTarget('verzet FTO naar later', { now: NOW }))).toMatchObject({
      code: 'meetings.date.unparseable',
      params: { words: 'later' },
    });
  });
});
