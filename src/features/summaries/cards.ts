/**
 * Cards of the summaries feature: the form (personal), the verslag as posted (split into messages that
 * each stay under Teams' size limit), and lists with a button per line (my action items, afspraken).
 * Data goes through renderCard only; user text is made inert there and markdown links here.
 */
import { renderCard } from '../../cards/render';
import type { Locale } from '../groups/types';
import { amsterdamWallClock } from '../../dates/calendar';
import { formatDateCompact, formatDateFull, formatMeetingFull } from '../../dates/dutchDates';
import { markdownInert } from '../../cards/markdown';
import { t } from '../../i18n';
import { FIELD_LABELS } from './parse';
import { describeFindings, type Finding } from '../../privacy/privacyGuard';
import { jsonBytes, splitForTeams, TEAMS_MESSAGE_BUDGET_BYTES, type SummarySection, type SummaryView } from './splitForTeams';
import { actionCode, agreementCode, tracksAgreements, type ParsedSummary, type Problem, type SummaryForm, type SummaryRecord } from './types';

export const typeLabel = (type: string): string => (type === 'spiegel' ? 'spiegelbijeenkomst' : type);

const localDate = (iso: string) => {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return { year, month, day };
};
export const dueText = (iso: string, locale: Locale): string => formatDateCompact(localDate(iso), locale);
export const meetingDay = (startsAt: Date, locale: Locale): string => formatDateFull(amsterdamWallClock(startsAt).date, locale);
const meetingDayCompact = (startsAt: Date, locale: Locale): string => formatDateCompact(amsterdamWallClock(startsAt).date, locale);

export function problemText(locale: Locale, p: Problem): string {
  const params: Record<string, string | number> = { ...(p.params ?? {}) };
  if (typeof params.field === 'string' && params.field in FIELD_LABELS) params.fieldLabel = FIELD_LABELS[params.field as keyof typeof FIELD_LABELS][locale];
  const prefix = params.line !== undefined ? t(locale, 'summaries.problem.line', { line: params.line }) : '';
  return prefix + t(locale, p.code, params);
}

// ---- the verslag ----------------------------------------------------------------------------------

/** What goes into the posted verslag; codes are known once the afspraken and actions are stored. */
export interface SummaryContent {
  parsed: ParsedSummary;
  agreements?: { id: number; text: string }[];
  actions?: { id: number; what: string; ownerName: string; dueDate: string }[];
}

export function summaryView(record: SummaryRecord, content: SummaryContent, locale: Locale): SummaryView {
  const { parsed } = content;
  const sections: SummarySection[] = [];
  const inert = (s: string) => markdownInert(s);
  if (record.theme) sections.push({ heading: t(locale, 'summaries.card.theme'), items: [inert(record.theme)] });
  const paragraphs = parsed.summary.split('\n').map((l) => l.trim()).filter(Boolean).map(inert);
  if (paragraphs.length) sections.push({ heading: t(locale, 'summaries.card.summary'), items: paragraphs });
  const decisions = content.agreements ?? parsed.decisions.map((text) => ({ id: 0, text }));
  if (decisions.length) {
    sections.push({
      heading: t(locale, tracksAgreements(record.meetingType) ? 'summaries.card.agreements' : 'summaries.card.decisions'),
      items: decisions.map((d) => t(locale, 'summaries.card.agreementLine', { code: d.id ? `**${agreementCode(d.id)}**` : '•', text: inert(d.text) })),
    });
  }
  const actions = content.actions ?? parsed.actions.map((a) => ({ id: 0, ...a }));
  if (actions.length) {
    sections.push({
      heading: t(locale, 'summaries.card.actions'),
      items: actions.map((a) => t(locale, 'summaries.card.actionLine', { code: a.id ? actionCode(a.id) : '•', what: inert(a.what), owner: inert(a.ownerName), due: dueText(a.dueDate, locale) })),
    });
  }
  if (record.attendance.length) {
    sections.push({ heading: t(locale, 'summaries.card.attendance', { count: record.attendance.length }), items: [inert(record.attendance.map((a) => a.name).join(', '))] });
  }
  if (parsed.nextMeeting) {
    const next = parsed.nextMeeting.startsAt ? formatMeetingFull(parsed.nextMeeting.startsAt, locale) : formatDateFull(localDate(parsed.nextMeeting.localDate), locale);
    sections.push({ heading: t(locale, 'summaries.card.next'), items: [next] });
  }
  return {
    title: t(locale, 'summaries.card.title', { type: typeLabel(record.meetingType), group: record.groupName, date: meetingDay(record.meetingStartsAt, locale) }),
    sections,
  };
}

/** First budget for splitForTeams: the template adds per-item overhead on top of the view's JSON. */
const FIRST_BUDGET_BYTES = 60_000;

export interface SummaryCardOptions {
  footer: string;
  locale: Locale;
  /** shown on the first card; gets the number of cards */
  notice?: (parts: number) => string;
  /** on the first card (a preview shows only its first part) */
  buttons?: { verb: string; title: string; style: 'positive' | 'default' }[];
  summaryId?: string;
}

/**
 * The verslag as one or more cards, each under TEAMS_MESSAGE_BUDGET_BYTES of JSON. splitForTeams bounds
 * the view; the template's overhead depends on how many items there are, so a card that still comes out
 * too large is split again with a smaller budget (never fails: the budget floor holds one item each).
 */
export function summaryCards(view: SummaryView, opts: SummaryCardOptions): Record<string, unknown>[] {
  for (let budget = FIRST_BUDGET_BYTES; ; budget = Math.floor(budget * 0.75)) {
    const chunks = splitForTeams(view, { budgetBytes: budget, locale: opts.locale });
    const cards = chunks.map((chunk, i) => {
      const first = i === 0;
      return renderCard('summary', {
        hasNotice: Boolean(opts.notice) && first,
        notice: opts.notice && first ? opts.notice(chunks.length) : '',
        title: chunk.title,
        sections: chunk.sections,
        footer: i === chunks.length - 1 ? opts.footer : '',
        buttons: first ? (opts.buttons ?? []).map((b) => ({ ...b, summaryId: opts.summaryId ?? '' })) : [],
      });
    });
    if (cards.every((c) => jsonBytes(c) < TEAMS_MESSAGE_BUDGET_BYTES) || budget < 2_000) return cards;
  }
}

// ---- the form -------------------------------------------------------------------------------------

export interface FormView {
  record: SummaryRecord;
  /** what to show in the inputs (the submitted text, or the stored draft) */
  form: SummaryForm;
  problems: Problem[];
  findings: Finding[];
  /** the draft was stored without the flagged fragments */
  redacted?: boolean;
  notice?: string;
}

export function formCard(view: FormView, locale: Locale): Record<string, unknown> {
  const { record, form } = view;
  const facts = [t(locale, 'summaries.form.when', { when: formatMeetingFull(record.meetingStartsAt, locale) })];
  if (record.theme) facts.push(t(locale, 'summaries.form.theme', { theme: markdownInert(record.theme) }));
  facts.push(record.attendance.length
    ? t(locale, 'summaries.form.attendance', { count: record.attendance.length, names: record.attendance.map((a) => a.name).join(', ') })
    : t(locale, 'summaries.form.noAttendance'));
  const fto = tracksAgreements(record.meetingType);
  return renderCard('summaryForm', {
    summaryId: record.id,
    title: t(locale, 'summaries.form.title', { type: typeLabel(record.meetingType), group: record.groupName }),
    facts,
    intro: t(locale, 'summaries.form.intro'),
    hasNotice: Boolean(view.notice),
    notice: view.notice ?? '',
    hasProblems: view.problems.length > 0,
    problemsTitle: t(locale, 'summaries.problems'),
    problems: view.problems.map((p) => '• ' + problemText(locale, p)),
    hasFindings: view.findings.length > 0,
    privacyTitle: t(locale, 'summaries.privacy.title'),
    findings: describeFindings(view.findings, locale).map((line) => '• ' + line),
    privacyNote: view.redacted ? t(locale, 'summaries.privacy.notStored') : '',
    privacyConfirm: t(locale, 'summaries.privacy.confirm'),
    overrideTitle: t(locale, 'summaries.privacy.override'),
    summaryLabel: t(locale, 'summaries.form.summaryLabel'),
    summary: form.summary,
    decisionsLabel: t(locale, fto ? 'summaries.form.agreementsLabel' : 'summaries.form.decisionsLabel'),
    decisions: form.decisions,
    actionsLabel: t(locale, 'summaries.form.actionsLabel'),
    actionsPlaceholder: t(locale, 'summaries.form.actionsPlaceholder'),
    actions: form.actions,
    nextLabel: t(locale, 'summaries.form.nextLabel'),
    nextMeeting: form.nextMeeting,
    postTitle: t(locale, 'summaries.form.post'),
    previewTitle: t(locale, 'summaries.form.preview'),
    saveTitle: t(locale, 'summaries.form.save'),
  });
}

// ---- lists ----------------------------------------------------------------------------------------

export interface ListItem {
  text: string;
  button?: { verb: string; title: string; id: number };
}

export function listCard(data: { title: string; intro?: string; notice?: string; items: ListItem[]; lines?: string[] }): Record<string, unknown> {
  return renderCard('summaryList', {
    title: data.title,
    hasIntro: Boolean(data.intro),
    intro: data.intro ?? '',
    hasNotice: Boolean(data.notice),
    notice: data.notice ?? '',
    items: data.items.map((i) => ({ text: i.text, hasButton: Boolean(i.button), verb: i.button?.verb ?? '', buttonTitle: i.button?.title ?? '', id: i.button?.id ?? 0 })),
    lines: data.lines ?? [],
  });
}

export interface ActionLine {
  id: number;
  what: string;
  dueDate: string;
  summary: { meetingType: string; groupName: string; meetingStartsAt: Date };
}

export function actionLineText(a: ActionLine, locale: Locale, today: string): string {
  const text = t(locale, 'summaries.actions.line', {
    code: actionCode(a.id), what: markdownInert(a.what), due: dueText(a.dueDate, locale),
    type: typeLabel(a.summary.meetingType), group: a.summary.groupName, date: meetingDayCompact(a.summary.meetingStartsAt, locale),
  });
  return a.dueDate < today ? text + t(locale, 'summaries.actions.overdue') : text;
}
