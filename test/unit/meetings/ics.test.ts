import { escapeIcsText, foldIcsLine, formatIcsUtc, meetingToIcs } from '../../../src/features/meetings/ics';

const meeting = {
  id: 'cm1abc',
  sequence: 2,
  startsAt: new Date('2026-12-08T11:30:00Z'),
  endsAt: new Date('2026-12-08T13:00:00Z'),
  summary: 'FTO Oost: antistolling',
};
const now = new Date('2026-11-23T09:00:00.123Z');

function unfold(ics: string): string[] {
  return ics.replace(/\r\n /g, '').split('\r\n');
}

describe('iCalendar export', () => {
  it('writes a minimal, valid VEVENT with CRLF line ends', () => {
    const ics = meetingToIcs(meeting, { now });
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(ics.split('\r\n').slice(0, -1)).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Wijkbot//Wijkbot meetings//NL',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      'BEGIN:VEVENT',
      'UID:wijkbot-meeting-cm1abc@wijkbot',
      'SEQUENCE:2',
      'DTSTAMP:20261123T090000Z',
      'DTSTART:20261208T113000Z',
      'DTEND:20261208T130000Z',
      'SUMMARY:FTO Oost: antistolling',
      'STATUS:CONFIRMED',
      'END:VEVENT',
      'END:VCALENDAR',
    ]);
  });

  it('keeps the UID stable across versions and marks cancellations', () => {
    const first = unfold(meetingToIcs(meeting, { now }));
    const cancelled = unfold(meetingToIcs({ ...meeting, sequence: 3, cancelled: true }, { now, uidDomain: 'wijkbot.example.nl' }));
    expect(first).toContain('UID:wijkbot-meeting-cm1abc@wijkbot');
    expect(cancelled).toContain('UID:wijkbot-meeting-cm1abc@wijkbot.example.nl');
    expect(cancelled).toContain('SEQUENCE:3');
    expect(cancelled).toContain('STATUS:CANCELLED');
    expect(cancelled).toContain('METHOD:PUBLISH');
  });

  it('escapes backslash, semicolon, comma and newlines in text', () => {
    expect(escapeIcsText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
    const lines = unfold(
      meetingToIcs(
        { ...meeting, summary: 'FTO; DOAC, NOAC', location: 'HAP Oost, zaal 2', description: 'Agenda:\n1. Opening\n2. C:\\data' },
        { now },
      ),
    );
    expect(lines).toContain('SUMMARY:FTO\\; DOAC\\, NOAC');
    expect(lines).toContain('LOCATION:HAP Oost\\, zaal 2');
    expect(lines).toContain('DESCRIPTION:Agenda:\\n1. Opening\\n2. C:\\\\data');
  });

  it('puts the link in URL (unescaped) and in the description for Outlook', () => {
    const url = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc,def?context=%7b%7d';
    const lines = unfold(meetingToIcs({ ...meeting, url, description: 'Jaarplan' }, { now }));
    expect(lines).toContain(`URL:${url}`);
    expect(lines).toContain(`DESCRIPTION:Jaarplan\\n\\n${url.replace(/,/g, '\\,')}`);
  });

  it('folds lines at 75 octets without splitting a UTF-8 character', () => {
    const summary = 'Spiegelbijeenkomst over diëtetiek en één gezamenlijke aanpak voor coördinatie 👩‍⚕️ in wijk Oost';
    const ics = meetingToIcs({ ...meeting, summary }, { now });
    const physical = ics.split('\r\n');
    for (const line of physical) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(physical.filter((l) => l.startsWith(' ')).length).toBeGreaterThan(0);
    expect(unfold(ics)).toContain(`SUMMARY:${summary}`);
    // every physical line is valid UTF-8 on its own
    for (const line of physical) expect(Buffer.from(line, 'utf8').toString('utf8')).toBe(line);
  });

  it('foldIcsLine leaves short lines alone and folds exact boundaries', () => {
    expect(foldIcsLine('SUMMARY:kort')).toBe('SUMMARY:kort');
    const exactly75 = 'X'.repeat(75);
    expect(foldIcsLine(exactly75)).toBe(exactly75);
    expect(foldIcsLine('X'.repeat(76))).toBe(`${'X'.repeat(75)}\r\n X`);
    const long = foldIcsLine('Y'.repeat(75 + 74 + 1)).split('\r\n');
    expect(long.map((l) => l.length)).toEqual([75, 75, 2]);
    // "ë" is two octets: 74 ASCII + "ë" would be 76, so "ë" moves to the next line
    expect(foldIcsLine(`${'a'.repeat(74)}ë`)).toBe(`${'a'.repeat(74)}\r\n ë`);
  });

  it('formats instants in UTC basic form', () => {
    expect(formatIcsUtc(new Date('2027-07-01T10:30:00.999Z'))).toBe('20270701T103000Z');
  });
});
