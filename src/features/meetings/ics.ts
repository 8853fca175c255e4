/**
 * An iCalendar (RFC 5545) file for one meeting, so members can put it in Outlook or another calendar.
 * Written by hand: we need one VEVENT with a dozen properties, and the `ics` npm package is not installed
 * (adding a dependency for ~60 lines of text formatting is not worth it). The parts that are easy to get
 * wrong are here on purpose: text escaping, UTF-8-safe line folding at 75 octets, CRLF line ends, UTC times.
 */

export interface IcsMeeting {
  /** Stable meeting id: the UID stays the same across updates, so calendars replace instead of duplicate. */
  id: string;
  /** Bumped on every change (time, place, cancellation); calendars keep the highest. */
  sequence: number;
  startsAt: Date;
  endsAt: Date;
  summary: string;
  location?: string;
  description?: string;
  /** The online meeting link. */
  url?: string;
  cancelled?: boolean;
}

export interface IcsOptions {
  /** DTSTAMP: when this file was made. Passed in, never read from the clock. */
  now: Date;
  /** Right-hand side of the UID; a domain we control keeps UIDs globally unique. */
  uidDomain?: string;
}

export const ICS_PRODID = '-//Wijkbot//Wijkbot meetings//NL';

/** 20261208T113000Z: UTC form, so no VTIMEZONE block is needed and every client agrees on the instant. */
export function formatIcsUtc(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

/** TEXT values: backslash, semicolon and comma are escaped; any newline becomes the two characters \n. */
export function escapeIcsText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

const MAX_LINE_OCTETS = 75;

/**
 * Lines longer than 75 octets continue on the next line after CRLF + one space. We count UTF-8 bytes
 * (RFC 5545 counts octets, not characters) and never split inside a character: "ë" is two bytes, an
 * emoji four.
 */
export function foldIcsLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    // continuation lines start with a space, which counts towards their 75 octets
    const limit = parts.length === 0 ? MAX_LINE_OCTETS : MAX_LINE_OCTETS - 1;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** A URI value is not TEXT-escaped, but must stay on one logical line. */
function cleanUri(url: string): string {
  return url.replace(/[\r\n\s]+/g, '');
}

export function meetingToIcs(meeting: IcsMeeting, options: IcsOptions): string {
  const uid = `wijkbot-meeting-${meeting.id}@${options.uidDomain ?? 'wijkbot'}`;
  // Outlook does not show the URL property, so the link also goes into the description.
  const description = [meeting.description, meeting.url && !meeting.description?.includes(meeting.url) ? meeting.url : undefined]
    .filter((part): part is string => Boolean(part))
    .join('\n\n');
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${ICS_PRODID}`,
    'CALSCALE:GREGORIAN',
    // PUBLISH, also for a cancellation: the file is an attachment/download, not an iTIP scheduling
    // message between organiser and attendees, so STATUS:CANCELLED with a higher SEQUENCE tells the
    // calendar to drop the event.
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${escapeIcsText(uid)}`,
    `SEQUENCE:${meeting.sequence}`,
    `DTSTAMP:${formatIcsUtc(options.now)}`,
    `DTSTART:${formatIcsUtc(meeting.startsAt)}`,
    `DTEND:${formatIcsUtc(meeting.endsAt)}`,
    `SUMMARY:${escapeIcsText(meeting.summary)}`,
    meeting.location ? `LOCATION:${escapeIcsText(meeting.location)}` : undefined,
    description ? `DESCRIPTION:${escapeIcsText(description)}` : undefined,
    meeting.url ? `URL:${cleanUri(meeting.url)}` : undefined,
    `STATUS:${meeting.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines
    .filter((line): line is string => line !== undefined)
    .map(foldIcsLine)
    .join('\r\n')
    .concat('\r\n');
}
