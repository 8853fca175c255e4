/**
 * The verslag form, read from card data (user input: sizes checked) and parsed into decisions, action
 * items ('wat | wie | datum', Dutch dates) and the next meeting. Pure: members and "now" are passed in.
 * Every problem names its line, so the coordinator can fix it on the card; nothing typed is dropped.
 */
import { DomainError } from '../errors';
import { compareDates } from '../../dates/calendar';
import { amsterdamToday, formatDateFull, parseDutchDate, parseDutchDateTime, type LocalDate } from '../../dates/dutchDates';
import { FORM_FIELDS, LIMITS, type ParsedAction, type ParsedSummary, type Problem, type SummaryForm } from './types';

const FIELD_LIMITS: Record<keyof SummaryForm, number> = {
  summary: LIMITS.summaryChars,
  // a list field may hold its maximum number of maximal lines
  decisions: LIMITS.decisionLines * (LIMITS.decisionChars + 1),
  actions: LIMITS.actionLines * (LIMITS.actionLineChars + 1),
  nextMeeting: LIMITS.nextMeetingChars,
};

export const FIELD_LABELS: Record<keyof SummaryForm, { nl: string; en: string }> = {
  summary: { nl: 'Samenvatting', en: 'Summary' },
  decisions: { nl: 'Besluiten/afspraken', en: 'Decisions/agreements' },
  actions: { nl: 'Actiepunten', en: 'Action items' },
  nextMeeting: { nl: 'Volgende bijeenkomst', en: 'Next meeting' },
};

/**
 * The form fields from Action.Execute data. Non-strings count as empty; a field longer than its limit
 * (the card sets maxLength, so only a tampered or odd client sends one) is cut to the limit with a problem.
 */
export function formFrom(data: Record<string, unknown>): { form: SummaryForm; problems: Problem[] } {
  const problems: Problem[] = [];
  const form = { summary: '', decisions: '', actions: '', nextMeeting: '' } as SummaryForm;
  for (const field of FORM_FIELDS) {
    const raw = data[field];
    let value = typeof raw === 'string' ? raw.replace(/\r\n?/g, '\n') : '';
    const limit = FIELD_LIMITS[field];
    if (value.length > limit) {
      problems.push({ code: 'summaries.form.tooLong', params: { field, max: limit } });
      value = value.slice(0, limit);
    }
    form[field] = field === 'nextMeeting' ? value.trim() : value;
  }
  return { form, problems };
}

/** True when the data carries the form's inputs (the form card), false for a button on the preview. */
export function hasFormFields(data: Record<string, unknown>): boolean {
  return FORM_FIELDS.some((f) => typeof data[f] === 'string');
}

/** A short id from card data (summary cuid, action/agreement number); undefined when absent or odd. */
export function idFrom(data: Record<string, unknown>, key: string): string | undefined {
  const v = data[key];
  if (typeof v === 'number' && Number.isSafeInteger(v)) return String(v);
  if (typeof v !== 'string' || v.length === 0 || v.length > LIMITS.idChars || !/^[A-Za-z0-9_-]+$/.test(v)) return undefined;
  return v;
}

export function numberFrom(data: Record<string, unknown>, key: string): number | undefined {
  const id = idFrom(data, key);
  const n = id && /^\d{1,9}$/.test(id) ? Number(id) : NaN;
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

/** "- item", "• item", "1. item", "* item": the bullet is layout, not content. */
function listLines(text: string): { line: number; text: string }[] {
  return text
    .split('\n')
    .map((raw, i) => ({ line: i + 1, text: raw.replace(/^\s*(?:[-•*–]|\d{1,3}[.)])\s+/, '').trim() }))
    .filter((l) => l.text.length > 0);
}

export interface Member {
  id: string;
  name: string;
  email: string | null;
}

/** Lower-case, without diacritics: "Öztürk" = "ozturk". */
function fold(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Who an action is for: an e-mail address, a full name, a unique first name or surname, among the
 * wijkgroep's members. Returns the person, or a problem with the candidates.
 */
export function resolveOwner(who: string, members: readonly Member[]): { member: Member } | { problem: 'unknown' | 'ambiguous'; names: string[] } {
  const typed = fold(who.replace(/^@/, ''));
  if (typed.includes('@')) {
    const m = members.find((x) => x.email && x.email.toLowerCase() === typed);
    return m ? { member: m } : { problem: 'unknown', names: [] };
  }
  const exact = members.filter((m) => fold(m.name) === typed);
  if (exact.length === 1) return { member: exact[0]! };
  const words = typed.split(' ');
  const byWords = members.filter((m) => {
    const name = fold(m.name).split(' ');
    // every typed word starts a word of the name, in order: "carla", "c coordinator", "dirk h"
    let j = 0;
    for (const w of words) {
      while (j < name.length && !name[j]!.startsWith(w)) j++;
      if (j === name.length) return false;
      j++;
    }
    return true;
  });
  if (byWords.length === 1) return { member: byWords[0]! };
  if (byWords.length > 1) return { problem: 'ambiguous', names: byWords.map((m) => m.name) };
  return { problem: 'unknown', names: [] };
}

/** A due date as typed ("vr 11 dec", "8-12", "over twee weken"): today or later, weekday checked. */
export function parseDueDate(text: string, now: Date): { localDate: string; date: LocalDate } | Problem {
  let parsed;
  try {
    parsed = parseDutchDate(text, now);
  } catch (err) {
    if (err instanceof DomainError) return { code: 'summaries.date.unparseable', params: { input: text } };
    throw err;
  }
  const mismatch = parsed.warnings.find((w) => w.code === 'meetings.date.weekdayMismatch');
  if (mismatch) return { code: 'summaries.date.weekdayMismatch', params: { input: text, actual: String(mismatch.params.dateNl ?? parsed.localDate) } };
  const moved = parsed.warnings.find((w) => w.code === 'meetings.date.yearMoved');
  if (moved) return { code: 'summaries.date.yearMoved', params: { input: text, date: String(moved.params.dateNl ?? parsed.localDate) } };
  if (compareDates(parsed.date, amsterdamToday(now)) < 0) return { code: 'summaries.date.past', params: { input: text, date: formatDateFull(parsed.date, 'nl') } };
  return { localDate: parsed.localDate, date: parsed.date };
}

/** The next meeting: a date with or without a time ("wo 13 jan 12:30", "13-1"), not in the past. */
export function parseNextMeeting(text: string, now: Date): { startsAt: Date | null; localDate: string } | Problem {
  try {
    const dt = parseDutchDateTime(text, now);
    const mismatch = dt.warnings.find((w) => w.code === 'meetings.date.weekdayMismatch');
    if (mismatch) return { code: 'summaries.date.weekdayMismatch', params: { input: text, actual: String(mismatch.params.dateNl ?? dt.localDate) } };
    const moved = dt.warnings.find((w) => w.code === 'meetings.date.yearMoved');
    if (moved) return { code: 'summaries.date.yearMoved', params: { input: text, date: String(moved.params.dateNl ?? dt.localDate) } };
    if (dt.startsAt.getTime() < now.getTime()) return { code: 'summaries.date.past', params: { input: text, date: formatDateFull(dt.date, 'nl') } };
    return { startsAt: dt.startsAt, localDate: dt.localDate };
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    if (err.code !== 'meetings.plan.missingTime') return { code: 'summaries.next.unparseable', params: { input: text } };
  }
  const date = parseDueDate(text, now);
  if ('code' in date) return date.code === 'summaries.date.unparseable' ? { code: 'summaries.next.unparseable', params: { input: text } } : date;
  return { startsAt: null, localDate: date.localDate };
}

/**
 * Parses the whole form. `forPost` adds what only posting needs (a summary text). Problems come back
 * together; the parsed parts are only meaningful when there are none.
 */
export function parseForm(form: SummaryForm, members: readonly Member[], now: Date, opts: { forPost: boolean }): { parsed: ParsedSummary; problems: Problem[] } {
  const problems: Problem[] = [];
  if (opts.forPost && !form.summary.trim()) problems.push({ code: 'summaries.form.summaryMissing' });

  const decisionLines = listLines(form.decisions);
  if (decisionLines.length > LIMITS.decisionLines) problems.push({ code: 'summaries.decisions.tooMany', params: { max: LIMITS.decisionLines } });
  for (const d of decisionLines) {
    if (d.text.length > LIMITS.decisionChars) problems.push({ code: 'summaries.decisions.tooLong', params: { line: d.line, max: LIMITS.decisionChars } });
  }

  const actions: ParsedAction[] = [];
  const actionLines = listLines(form.actions);
  if (actionLines.length > LIMITS.actionLines) problems.push({ code: 'summaries.actions.tooMany', params: { max: LIMITS.actionLines } });
  for (const a of actionLines.slice(0, LIMITS.actionLines)) {
    const parts = a.text.split('|').map((p) => p.trim());
    if (parts.length !== 3 || parts.some((p) => !p)) {
      problems.push({ code: 'summaries.action.format', params: { line: a.line } });
      continue;
    }
    const [what, who, due] = parts as [string, string, string];
    if (what.length > LIMITS.actionWhatChars) problems.push({ code: 'summaries.action.tooLong', params: { line: a.line, max: LIMITS.actionWhatChars } });
    const owner = resolveOwner(who, members);
    if ('problem' in owner) {
      problems.push(owner.problem === 'ambiguous'
        ? { code: 'summaries.action.ownerAmbiguous', params: { line: a.line, who, names: owner.names.slice(0, 5).join(', ') } }
        : { code: 'summaries.action.ownerUnknown', params: { line: a.line, who } });
    }
    const date = parseDueDate(due, now);
    if ('code' in date) problems.push({ ...date, params: { ...date.params, line: a.line } });
    if ('member' in owner && !('code' in date)) actions.push({ what, ownerId: owner.member.id, ownerName: owner.member.name, dueDate: date.localDate });
  }

  let nextMeeting: ParsedSummary['nextMeeting'] = null;
  if (form.nextMeeting) {
    const next = parseNextMeeting(form.nextMeeting, now);
    if ('code' in next) problems.push(next);
    else nextMeeting = { text: form.nextMeeting, ...next };
  }

  return { parsed: { summary: form.summary.trim(), decisions: decisionLines.map((d) => d.text), actions, nextMeeting }, problems };
}
