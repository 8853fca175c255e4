/**
 * Deadlines as people type them: the shared Dutch date parser (src/dates) ("vr 27 nov 17:00", "morgen om half
 * 5", "8-12 12.30 uur"), in Europe/Amsterdam, plus ISO for scripts. This adapter is the one place polls
 * touch that parser, so it can be swapped without touching the rest.
 * A date without a time means the end of that day (23:59): "stemmen kan tot vrijdag" includes Friday.
 */
import { DomainError } from '../errors';
import { parseDutchDate, parseDutchDateTime, toAmsterdamInstant } from '../../dates/dutchDates';

export type DeadlineParse =
  | { ok: true; deadline: Date }
  /** `cause` is the parser's own code (e.g. a weekday that does not match the date), shown when known */
  | { ok: false; code: string; params: Record<string, string | number>; cause?: { code: string; params: Record<string, string | number> } };

/**
 * Readings the parser is unsure of ("ma 27 nov" when the 27th is a Friday; "30 nov" typed just after 30
 * November, read as next year's): ask rather than guess.
 */
const DOUBTS = new Set(['meetings.date.weekdayMismatch', 'meetings.date.volgendeAmbiguous', 'meetings.date.yearMoved']);

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

export function parseDeadline(text: string, now: Date): DeadlineParse {
  const input = text.trim();
  if (!input) return { ok: false, code: 'polls.deadline.missing', params: {} };
  if (ISO.test(input)) {
    const d = new Date(input);
    if (!Number.isNaN(d.getTime())) return { ok: true, deadline: d };
  }
  try {
    const parsed = parseDutchDateTime(input, now);
    const doubt = parsed.warnings.find((w) => DOUBTS.has(w.code));
    if (doubt) return { ok: false, code: 'polls.deadline.doubt', params: { input }, cause: doubt };
    return { ok: true, deadline: parsed.startsAt };
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    if (err.code === 'meetings.plan.missingTime') {
      try {
        const parsed = parseDutchDate(input, now);
        const doubt = parsed.warnings.find((w) => DOUBTS.has(w.code));
        if (doubt) return { ok: false, code: 'polls.deadline.doubt', params: { input }, cause: doubt };
        const date = parsed.date;
        return { ok: true, deadline: toAmsterdamInstant(date, { hour: 23, minute: 59 }).instant };
      } catch (inner) {
        if (!(inner instanceof DomainError)) throw inner;
        return { ok: false, code: 'polls.deadline.unparseable', params: { input }, cause: { code: inner.code, params: inner.params } };
      }
    }
    return { ok: false, code: 'polls.deadline.unparseable', params: { input }, cause: { code: err.code, params: err.params } };
  }
}

export { formatMeetingCompact as formatWhen } from '../../dates/dutchDates';
