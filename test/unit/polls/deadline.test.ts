import { parseDeadline } from '../../../src/features/polls/deadline';

const now = new Date('2026-11-23T10:00:00Z'); // a Monday

const at = (text: string) => {
  const r = parseDeadline(text, now);
  return r.ok ? r.deadline.toISOString() : r.code;
};

describe('poll deadlines in Dutch, Europe/Amsterdam', () => {
  test('dates and times as coordinators type them', () => {
    expect(at('vr 27 nov 17:00')).toBe('2026-11-27T16:00:00.000Z');
    expect(at('27-11 17.00 uur')).toBe('2026-11-27T16:00:00.000Z');
    expect(at('morgen om half 5')).toBe('2026-11-24T15:30:00.000Z');
  });
  test('a date without a time means the end of that day', () => {
    expect(at('vrijdag 27 november')).toBe('2026-11-27T22:59:00.000Z');
  });
  test('summer time is respected', () => {
    expect(at('1-4-2027 12:00')).toBe('2027-04-01T10:00:00.000Z');
  });
  test('ISO with an offset is accepted as is', () => {
    expect(at('2026-11-30T10:00:00+01:00')).toBe('2026-11-30T09:00:00.000Z');
  });
  test('a weekday that does not match the date is a doubt, not a guess', () => {
    expect(at('ma 27 nov 17:00')).toBe('polls.deadline.doubt');
  });
  test('a date just gone is not silently next year\'s: a doubt, with the parser naming both dates', () => {
    const r = parseDeadline('20 nov 17:00', now);
    expect(r).toMatchObject({ ok: false, code: 'polls.deadline.doubt', cause: { code: 'meetings.date.yearMoved', params: { passed: '2026-11-20', date: '2027-11-20' } } });
  });
  test('nonsense is unparseable, with the parser’s own reason kept', () => {
    const r = parseDeadline('30-02 10:00', now);
    expect(r).toMatchObject({ ok: false, code: 'polls.deadline.unparseable', params: { input: '30-02 10:00' }, cause: { code: 'meetings.date.invalid' } });
  });
});
