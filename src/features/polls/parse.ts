/**
 * Everything users type or send from a card, checked before it reaches the database. Card data is
 * user-controlled input (anyone can craft an invoke): every field is validated here like a request body.
 */
import { DomainError } from '../errors';
import { parseDeadline } from './deadline';
import {
  MAX_COMMENT_CHARS, MAX_DEADLINE_AHEAD_MS, MAX_OPTION_CHARS, MAX_OPTIONS, MAX_QUESTION_CHARS, MIN_DEADLINE_AHEAD_MS, MIN_OPTIONS,
  parseTarget, type Audience, type PollSettings,
} from './types';

/** One thing wrong with a draft, shown on the draft card; `cause` is another feature's more precise message. */
export interface Problem {
  code: string;
  params?: Record<string, string | number>;
  cause?: { code: string; params: Record<string, string | number> };
}

/** `peiling Moet de ROHA-raad maandelijks vergaderen? | Ja | Nee | Alleen digitaal` */
export function parseCreateCommand(args: string): { question: string; options: string[] } {
  const parts = args.split('|').map(tidy);
  const question = parts[0] ?? '';
  if (!question) throw new DomainError('polls.create.usage');
  const options = parts.slice(1).filter(Boolean);
  // Just a question: the common yes/no poll; the draft card shows it and lets the coordinator change it.
  return { question, options: options.length ? options : ['Ja', 'Nee'] };
}

/** The raw values of the draft card's inputs, as Teams sends them (all strings). */
export interface DraftForm {
  question: string;
  options: string;
  mode: string;
  secrecy: string;
  results: string;
  feedback: string;
  deadline: string;
  audience: string;
  groups: string;
  target: string;
  privacyOk: string;
}

const FORM_KEYS: (keyof DraftForm)[] = ['question', 'options', 'mode', 'secrecy', 'results', 'feedback', 'deadline', 'audience', 'groups', 'target', 'privacyOk'];

export function draftFormFrom(data: Record<string, unknown>): DraftForm {
  const out = {} as DraftForm;
  for (const key of FORM_KEYS) {
    const v = data[key];
    out[key] = typeof v === 'string' ? v.slice(0, 4_000) : typeof v === 'boolean' || typeof v === 'number' ? String(v) : '';
  }
  return out;
}

export function splitOptions(text: string): string[] {
  const lines = text.includes('\n') ? text.split(/\r?\n/) : text.split('|');
  return lines.map(tidy).filter(Boolean);
}

/** Checks a whole draft; every problem is reported at once so the coordinator fixes them in one go. */
export function settingsFromForm(form: DraftForm, now: Date): { settings: PollSettings | null; problems: Problem[] } {
  const problems: Problem[] = [];
  const question = tidy(form.question);
  const options = splitOptions(form.options);
  problems.push(...checkQuestion(question), ...checkOptions(options));
  const audience: Audience = form.audience === 'groups' || form.audience === 'all' ? form.audience : 'raad';
  const audienceGroupIds = form.groups.split(',').map((s) => s.trim()).filter(Boolean).slice(0, 100);
  if (audience === 'groups' && !audienceGroupIds.length) problems.push({ code: 'polls.draft.noGroups' });
  let deadline: Date | null = null;
  if (tidy(form.deadline)) {
    const parsed = parseDeadline(form.deadline, now);
    if (!parsed.ok) problems.push({ code: parsed.code, params: parsed.params, cause: parsed.cause });
    else {
      deadline = parsed.deadline;
      problems.push(...checkDeadline(deadline, now));
    }
  }
  const anonymous = form.secrecy === 'anonymous';
  const settings: PollSettings = {
    question,
    options,
    multiple: form.mode === 'multiple',
    anonymous,
    resultsLive: !anonymous && form.results !== 'afterClose',
    feedback: form.feedback === 'true',
    deadline,
    audience,
    audienceGroupIds: audience === 'groups' ? [...new Set(audienceGroupIds)] : [],
    target: parseTarget(form.target),
  };
  return { settings: problems.length ? null : settings, problems };
}

export function checkQuestion(question: string): Problem[] {
  if (!question) return [{ code: 'polls.draft.noQuestion' }];
  if (question.length > MAX_QUESTION_CHARS) return [{ code: 'polls.draft.questionTooLong', params: { max: MAX_QUESTION_CHARS } }];
  return [];
}

export function checkOptions(options: string[]): Problem[] {
  const problems: Problem[] = [];
  if (options.length < MIN_OPTIONS || options.length > MAX_OPTIONS) {
    problems.push({ code: 'polls.draft.optionCount', params: { min: MIN_OPTIONS, max: MAX_OPTIONS, count: options.length } });
  }
  const long = options.find((o) => o.length > MAX_OPTION_CHARS);
  if (long) problems.push({ code: 'polls.draft.optionTooLong', params: { option: long.slice(0, 30) + '…', max: MAX_OPTION_CHARS } });
  const seen = new Set<string>();
  for (const o of options) {
    const key = o.toLocaleLowerCase('nl');
    if (seen.has(key)) {
      problems.push({ code: 'polls.draft.optionTwice', params: { option: o } });
      break;
    }
    seen.add(key);
  }
  return problems;
}

export function checkDeadline(deadline: Date, now: Date): Problem[] {
  const ahead = deadline.getTime() - now.getTime();
  if (ahead < MIN_DEADLINE_AHEAD_MS) return [{ code: 'polls.deadline.tooSoon' }];
  if (ahead > MAX_DEADLINE_AHEAD_MS) return [{ code: 'polls.deadline.tooFar', params: { days: Math.round(MAX_DEADLINE_AHEAD_MS / 86_400_000) } }];
  return [];
}

/** The poll a card action is about; anything but a positive integer is a tampered or broken card. */
export function pollIdFrom(data: Record<string, unknown>): number {
  const raw = data.pollId;
  const id = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d{1,9}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(id) || id <= 0) throw new DomainError('common.badCardData', { reason: 'pollId' });
  return id;
}

/** A poll number typed after a command: "sluit peiling 12" or "sluit peiling #12". */
export function pollIdFromText(text: string): number | null {
  const m = /^#?(\d{1,9})$/.exec(text.trim());
  return m ? Number(m[1]) : null;
}

export interface VoteInput {
  choices: number[];
  feedback: string | null;
}

/**
 * A vote from the card: `option` from a button, or `choices` ("0,2") from the choice list, plus the
 * optional feedback text. Indexes must exist on this poll; single choice takes exactly one.
 */
export function voteFrom(data: Record<string, unknown>, optionCount: number, multiple: boolean): VoteInput {
  let raw: string[];
  if (typeof data.option === 'number' || (typeof data.option === 'string' && data.option !== '')) raw = [String(data.option)];
  else if (typeof data.choices === 'string') raw = data.choices.split(',').map((s) => s.trim()).filter(Boolean);
  else raw = [];
  if (!raw.length) throw new DomainError('polls.vote.noChoice');
  const choices = raw.map((s) => (/^\d{1,2}$/.test(s) ? Number(s) : -1));
  if (choices.some((c) => c < 0 || c >= optionCount)) throw new DomainError('common.badCardData', { reason: 'option' });
  const unique = [...new Set(choices)].sort((a, b) => a - b);
  if (!multiple && unique.length !== 1) throw new DomainError('polls.vote.oneChoice');
  const feedbackRaw = typeof data.feedback === 'string' ? data.feedback.trim() : '';
  if (feedbackRaw.length > MAX_COMMENT_CHARS) throw new DomainError('polls.vote.feedbackTooLong', { max: MAX_COMMENT_CHARS });
  return { choices: unique, feedback: feedbackRaw || null };
}

function tidy(s: string | undefined): string {
  return (s ?? '').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '').replace(/\s+/g, ' ').trim();
}
