import { ATTENDANCE_CSV_HEADER, attendanceCsv, attendanceSumCsv } from '../../../src/features/meetings/attendance';
import { CODE_ALPHABET, looksLikeId, normaliseCode, randomCode } from '../../../src/features/meetings/codes';
import { applyForm, draftFormFrom, parseFormTime, plannedOccurrences, type DraftPlan } from '../../../src/features/meetings/drafts';
import { icsPath, icsToken, listToken, verifyIcsToken, verifyListToken } from '../../../src/features/meetings/links';
import { attendanceKey, inviteKey, jobsForMeeting, purgeKey, reminderKey, reminderRunAt } from '../../../src/features/meetings/reminders';
import type { AttendanceRow } from '../../../src/features/meetings/service';

const NOW = new Date('2026-11-23T10:00:00Z');
const SECRET = 'test-secret-test-secret-test-secret-0123456789';

describe('short codes', () => {
  test('codes have the type as prefix and no look-alike characters', () => {
    for (let i = 0; i < 200; i++) {
      const code = randomCode('PaTz');
      expect(code).toMatch(/^PATZ-[2-9A-HJ-NP-Z]{3}$/);
      for (const ch of code.slice(5)) expect(CODE_ALPHABET).toContain(ch);
    }
    expect(randomCode('spiegel')).toMatch(/^SPIEGEL-/);
    expect(randomCode('wijkoverleg')).toMatch(/^OVERLEG-/);
  });

  test('what people type is normalised', () => {
    expect(normaliseCode('fto-7k2')).toBe('FTO-7K2');
    expect(normaliseCode('FTO7K2')).toBe('FTO-7K2');
    expect(normaliseCode(' (FTO-7K2). ')).toBe('FTO-7K2');
    expect(normaliseCode('FTO 8 dec')).toBeUndefined();
    expect(normaliseCode('FTO-0O1')).toBeUndefined(); // not in the alphabet
    expect(looksLikeId('cmwtmhuxf000npu7duovd9z24')).toBe(true);
    expect(looksLikeId('FTO-7K2')).toBe(false);
  });
});

describe('the confirmation step', () => {
  const plan: DraftPlan = {
    type: 'FTO', groupId: 'g1', durationMinutes: 90, theme: 'antistolling', location: null, onlineUrl: null,
    occurrences: [{ localDate: '2026-12-08', localTime: '12:30' }], series: false,
    understood: [], parseWarnings: [{ code: 'meetings.date.weekdayMismatch', params: {} }], edited: false,
  };

  test('the card sent back unchanged is not a change', () => {
    const r = applyForm(plan, draftFormFrom({ type: 'FTO', groupId: 'g1', date: '2026-12-08', time: '12:30', duration: '90', theme: 'antistolling', location: '', onlineUrl: '' }), new Set(['g1']));
    expect(r).toMatchObject({ changed: false, problems: [] });
  });

  test('an edit is applied, marks the draft edited and drops the parser’s remarks', () => {
    const r = applyForm(plan, { date: '2026-12-15', time: '19:00', duration: '120', theme: '  nieuw   thema ' }, null);
    expect(r.changed).toBe(true);
    expect(r.plan).toMatchObject({ occurrences: [{ localDate: '2026-12-15', localTime: '19:00' }], durationMinutes: 120, theme: 'nieuw thema', edited: true, parseWarnings: [] });
  });

  test('bad input is reported and nothing is applied', () => {
    const r = applyForm(plan, { type: 'borrel', groupId: 'g9', date: '2026-02-30', time: '25:00', duration: '900', onlineUrl: 'javascript:alert(1)' }, new Set(['g1']));
    expect(r.changed).toBe(false);
    expect(r.plan).toBe(plan);
    expect(r.problems.map((p) => p.code)).toEqual(['meetings.form.badType', 'meetings.form.groupNotYours', 'meetings.form.badTime', 'meetings.form.badDate', 'meetings.duration.invalid', 'meetings.form.badUrl']);
  });

  test('a series takes one time for all dates and ignores a date input', () => {
    const series = { ...plan, series: true, occurrences: [{ localDate: '2027-01-19', localTime: '12:30' }, { localDate: '2027-03-16', localTime: '12:30' }] };
    const r = applyForm(series, { date: '2027-05-05', time: '13:00' }, null);
    expect(r.plan.occurrences).toEqual([{ localDate: '2027-01-19', localTime: '13:00' }, { localDate: '2027-03-16', localTime: '13:00' }]);
  });

  test('times from the Teams time picker, with or without seconds', () => {
    expect(parseFormTime('12:30')).toEqual({ hour: 12, minute: 30 });
    expect(parseFormTime('09:05:00')).toEqual({ hour: 9, minute: 5 });
    expect(parseFormTime('24:00')).toBeUndefined();
  });

  test('instants are Amsterdam wall clock, across the clock change, with fresh calendar checks', () => {
    const occ = plannedOccurrences({ ...plan, occurrences: [{ localDate: '2026-12-25', localTime: '12:30' }, { localDate: '2027-03-30', localTime: '12:30' }], series: true }, NOW);
    expect(occ.map((o) => o.startsAt.toISOString())).toEqual(['2026-12-25T11:30:00.000Z', '2027-03-30T10:30:00.000Z']);
    expect(occ[0].endsAt.toISOString()).toBe('2026-12-25T13:00:00.000Z');
    expect(occ[0].warnings.map((w) => w.code)).toContain('meetings.date.holiday');
    expect(plannedOccurrences({ ...plan, occurrences: [{ localDate: '2026-11-02', localTime: '12:30' }] }, NOW)[0].warnings.map((w) => w.code)).toContain('meetings.date.past');
  });
});

describe('links', () => {
  test('the .ics link is stable per meeting and cannot be guessed for another', () => {
    const id = 'cmwtmhuxf000npu7duovd9z24';
    expect(icsPath(SECRET, id)).toBe(`/agenda/${id}/${icsToken(SECRET, id)}.ics`);
    expect(verifyIcsToken(SECRET, id, `${icsToken(SECRET, id)}.ics`)).toBe(true);
    expect(verifyIcsToken(SECRET, 'cmwtmhuxf000npu7duovd9z25', `${icsToken(SECRET, id)}.ics`)).toBe(false);
    expect(verifyIcsToken('another-secret-another-secret-another', id, `${icsToken(SECRET, id)}.ics`)).toBe(false);
    expect(verifyIcsToken(SECRET, '../etc', 'x.ics')).toBe(false);
  });

  test('the presentielijst link names meeting and person, expires, and stays under 100 characters', () => {
    const claim = { meetingId: 'cmwtmhuxf000npu7duovd9z24', personId: 'cmwtmhuhj0003pu7d8bbq7emi', expiresAt: NOW.getTime() + 60_000 };
    const token = listToken(SECRET, claim);
    expect(token.length).toBeLessThan(100); // restify's limit for one path parameter
    expect(verifyListToken(SECRET, token, NOW)).toEqual(claim);
    expect(verifyListToken(SECRET, token, new Date(NOW.getTime() + 61_000))).toBeNull();
    expect(verifyListToken(SECRET, token.replace('cmwtmhuhj0003pu7d8bbq7emi', 'cmwtmhuhj0003pu7d8bbq7emj'), NOW)).toBeNull();
    expect(verifyListToken(SECRET, `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`, NOW)).toBeNull();
  });
});

describe('jobs of a meeting', () => {
  const m = { id: 'm1', sequence: 2, startsAt: new Date('2026-12-08T11:30:00Z'), endsAt: new Date('2026-12-08T13:00:00Z') };

  test('the reminder goes N days before; none when that moment has passed or reminders are off', () => {
    expect(reminderRunAt(m.startsAt, 2, NOW)?.toISOString()).toBe('2026-12-06T11:30:00.000Z');
    expect(reminderRunAt(m.startsAt, 0, NOW)).toBeNull();
    expect(reminderRunAt(m.startsAt, 2, new Date('2026-12-07T00:00:00Z'))).toBeNull();
  });

  test('keys carry the sequence, so a moved meeting gets new reminder and attendance jobs', () => {
    const rows = jobsForMeeting(m, { daysBefore: 2, now: NOW, inviteAt: NOW });
    expect(rows.map((r) => r.uniqueKey)).toEqual([inviteKey('m1'), reminderKey('m1', 2), attendanceKey('m1', 2), purgeKey('m1', 2)]);
    expect(rows.map((r) => r.uniqueKey)).toEqual(['meeting.invite:m1', 'meeting.reminder:m1:2', 'meeting.attendance:m1:2', 'meeting.purge:m1:2']);
    expect(rows[3].runAt.toISOString()).toBe('2027-12-08T13:00:00.000Z'); // RSVPs kept a year
    expect(JSON.parse(rows[1].payload)).toEqual({ meetingId: 'm1', sequence: 2 });
    expect(rows[2].runAt.toISOString()).toBe('2026-12-08T13:15:00.000Z');
    expect(jobsForMeeting(m, { daysBefore: 2, now: NOW, inviteAt: null }).map((r) => r.kind)).toEqual(['meeting.reminder', 'meeting.attendance', 'meeting.purge']);
  });
});

describe('attendance CSV', () => {
  const row = (name: string, over: Partial<AttendanceRow> = {}): AttendanceRow => ({
    date: '2026-12-08', start: '12:30', end: '14:00', type: 'FTO', theme: 'antistolling', group: 'Oost', code: 'FTO-7K2', name, role: 'huisarts', bigNumber: '', agbCode: '', ...over,
  });

  test('one row per attendee, semicolon separated, with empty BIG and AGB columns', () => {
    const csv = attendanceCsv([row('Dirk Huisarts'), row('Eva Apotheker', { role: 'apotheker' })]);
    const lines = csv.trimEnd().split(/\r?\n/);
    expect(lines[0]).toBe(ATTENDANCE_CSV_HEADER.join(';'));
    expect(lines[1]).toBe('2026-12-08;12:30;14:00;FTO;antistolling;Oost;FTO-7K2;Dirk Huisarts;huisarts;;');
    expect(lines).toHaveLength(3);
  });

  test('text a spreadsheet would run as a formula is defused, and separators are quoted', () => {
    const csv = attendanceCsv([row('=HYPERLINK("x")', { theme: 'a;b' })]);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv).toContain('"a;b"');
  });

  test('the yearly sum per person', () => {
    const csv = attendanceSumCsv({
      group: { id: 'g', name: 'Oost', reminderDaysBefore: 2 }, year: 2026, meetings: 3,
      rows: [{ personId: 'p', name: 'Dirk', role: 'huisarts', total: 3, byType: { FTO: 2, PaTz: 1, spiegel: 0, wijkoverleg: 0 } }],
    });
    expect(csv.trimEnd().split(/\r?\n/)).toEqual(['naam;rol;FTO;PaTz;spiegel;wijkoverleg;totaal', 'Dirk;huisarts;2;1;0;0;3']);
  });
});
