/**
 * View models → template data for cards/partnerResults.json, cards/partnerDetails.json and
 * cards/partnerReport.json (rendered once by src/cards/render.ts; user text only ever travels as data).
 *
 * What a GP needs first, per result: who, what, where, whether they take patients now (the opnamestop
 * badge with its end date, the waiting time), how the partner wants to be reached (preferred first), how to
 * call or mail, and how fresh the entry is ("laatst gecontroleerd", flagged after 90 days).
 */
import { renderCard } from '../../cards/render';
import { t } from '../../i18n';
import type { Locale } from '../groups/types';
import { channelLabel } from './channels';
import { disciplineLabel } from './disciplines';
import { describeLookupQuery, weekdayName, type LookupQuery } from './queryParser';
import { isStale90 } from './freshness';
import { phoneToE164, instantToDate } from './formats';
import type { LookupOutcome, ReportField } from './service';
import { REPORT_FIELDS } from './service';
import type { SearchHit } from './searchIndex';
import { WEEKDAYS, type Partner } from './types';
import { wijkName } from './wijken';

/** Where a card was opened from, so "terug" and paging can find the way back. */
export interface PageRef {
  /** the typed text, or a widened query as JSON (from a "try instead" button) */
  q?: string;
  qj?: string;
  offset: number;
}

const MONTHS = {
  nl: ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

/** 2027-01-31 → "31 jan 2027" */
export function formatDay(ymd: string, locale: Locale): string {
  const [y, m, d] = ymd.split('-').map(Number);
  return `${d} ${MONTHS[locale][(m ?? 1) - 1]} ${y}`;
}

const MARKDOWN_CHAR = /[\\`*_[\]#<>]/;

/** Markdown links and emphasis typed into a name or note stay literal text on the card. */
export function mdInert(text: string): string {
  // most names and lines hold none of these: one test instead of two replaces (a results card has ~30)
  if (!MARKDOWN_CHAR.test(text)) return text;
  return text.replace(/([\\`*_[\]#<>])/g, '\\$1').replace(/\]\s*\(/g, ']\u200b(');
}

export function intakeStopActive(p: Partner, today: string): boolean {
  return p.intakeStop.active && (p.intakeStop.until === null || p.intakeStop.until >= today);
}

function areaText(p: Partner, locale: Locale): string {
  const parts = [...p.wijken.map(wijkName), ...p.postcodeAreas.slice(0, 4)];
  if (p.postcodeAreas.length > 4) parts.push('…');
  return parts.length ? parts.join(', ') : p.city ? p.city : t(locale, 'socialMap.result.allAreas');
}

function workdaysText(p: Partner, locale: Locale): string {
  if (!p.workdays.length) return t(locale, 'socialMap.result.workdaysUnknown');
  const days = p.workdays.length === 7 ? (locale === 'nl' ? 'ma–zo' : 'Mon–Sun') : p.workdays.map((d) => (locale === 'nl' ? d : weekdayName(d, 'en').slice(0, 3))).join(', ');
  return t(locale, 'socialMap.result.workdays', { days });
}

function waitText(p: Partner, locale: Locale): string {
  if (p.waitWeeks === null) return t(locale, 'socialMap.result.waitUnknown');
  if (p.waitWeeks === 0) return t(locale, 'socialMap.result.noWait');
  if (p.waitWeeks === 1) return t(locale, 'socialMap.result.waitOneWeek');
  return t(locale, 'socialMap.result.waitWeeks', { weeks: p.waitWeeks });
}

function stopText(p: Partner, today: string, locale: Locale): string {
  if (!intakeStopActive(p, today)) return '';
  return p.intakeStop.until ? t(locale, 'socialMap.result.intakeStopUntil', { until: formatDay(p.intakeStop.until, locale) }) : t(locale, 'socialMap.result.intakeStop');
}

function viaText(p: Partner, locale: Locale): string {
  if (!p.communication.length) return '';
  const [first, ...rest] = p.communication.map((c) => channelLabel(c, locale));
  return rest.length ? t(locale, 'socialMap.result.viaMore', { first, rest: rest.join(', ') }) : t(locale, 'socialMap.result.via', { first });
}

function checkedText(p: Partner, locale: Locale, stale: boolean): string {
  // "nog nooit gecontroleerd" says it all: no "more than 90 days" after it (that read as a contradiction)
  if (!p.lastCheckedAt) return t(locale, 'socialMap.result.neverChecked');
  const date = formatDay(instantToDate(p.lastCheckedAt), locale);
  const checked = p.lastCheckedBy ? t(locale, 'socialMap.result.lastChecked', { date, by: p.lastCheckedBy }) : t(locale, 'socialMap.result.lastCheckedNoBy', { date });
  return stale ? `${checked} — ${t(locale, 'socialMap.result.stale90')}` : checked;
}

/** The details card's values beside their labels: "Wachttijd: 2 weken", never "Wachttijd: wachttijd 2 weken". */
function waitValue(p: Partner, locale: Locale): string {
  if (p.waitWeeks === null) return t(locale, 'socialMap.value.unknown');
  if (p.waitWeeks === 0) return t(locale, 'socialMap.value.noWait');
  return t(locale, 'socialMap.value.weeks', { weeks: p.waitWeeks });
}

function stopValue(p: Partner, today: string, locale: Locale): string {
  if (!intakeStopActive(p, today)) return t(locale, 'socialMap.value.no');
  const yes = p.intakeStop.until ? t(locale, 'socialMap.value.yesUntil', { until: formatDay(p.intakeStop.until, locale) }) : t(locale, 'socialMap.value.yes');
  return p.intakeStop.note ? `${yes} — ${p.intakeStop.note}` : yes;
}

function checkedValue(p: Partner, locale: Locale): string {
  if (!p.lastCheckedAt) return t(locale, 'socialMap.value.neverChecked');
  const date = formatDay(instantToDate(p.lastCheckedAt), locale);
  return p.lastCheckedBy ? t(locale, 'socialMap.value.checked', { date, by: p.lastCheckedBy }) : date;
}

function links(p: Partner): { tel: string; mail: string; web: string } {
  return {
    tel: p.phone ? `tel:${phoneToE164(p.phone)}` : '',
    mail: p.email ? `mailto:${p.email}` : '',
    web: p.website && /^https?:\/\//i.test(p.website) ? p.website : '',
  };
}

/** The per-partner part shared by the result list, the details card and the compose-box card. */
function partnerView(p: Partner, locale: Locale, now: Date, today: string) {
  const stop = stopText(p, today, locale);
  const stale = isStale90(p.lastCheckedAt, now);
  const checked = checkedText(p, locale, stale);
  const l = links(p);
  return {
    id: p.id,
    name: mdInert(p.name),
    organisation: p.organisation ? mdInert(p.organisation) : '',
    line1: [disciplineLabel(p.discipline, locale), areaText(p, locale), workdaysText(p, locale)].map(mdInert).join(' · '),
    stop,
    hasStop: stop !== '',
    wait: waitText(p, locale),
    via: viaText(p, locale),
    hasVia: p.communication.length > 0,
    checked: mdInert(checked),
    checkedColor: stale ? 'Warning' : 'Default',
    tel: l.tel,
    hasTel: l.tel !== '',
    mail: l.mail,
    hasMail: l.mail !== '',
    web: l.web,
    hasWeb: l.web !== '',
  };
}

function labels(locale: Locale) {
  return {
    details: t(locale, 'socialMap.action.details'),
    call: t(locale, 'socialMap.action.call'),
    mail: t(locale, 'socialMap.action.mail'),
    website: t(locale, 'socialMap.action.website'),
    report: t(locale, 'socialMap.action.report'),
    back: t(locale, 'socialMap.action.back'),
    send: t(locale, 'socialMap.action.send'),
    cancel: t(locale, 'socialMap.action.cancel'),
  };
}

/** What was understood, what was read differently (nl), and what was not understood at all. */
function understoodLine(query: LookupQuery, unmatched: readonly string[], locale: Locale): string {
  const lines = [...describeLookupQuery(query, locale, unmatched), ...(locale === 'nl' ? query.corrections : [])];
  return lines.length ? t(locale, 'socialMap.lookup.understood', { value: lines.map(mdInert).join(' · ') }) : '';
}

/** The lookup answer: a page of results with paging, or "nothing found" with ways to widen. */
export function resultsCard(outcome: LookupOutcome, ref: Omit<PageRef, 'offset'>, opts: { locale: Locale; now: Date; today: string; noHitsHint?: string }): Record<string, unknown> {
  const { locale, now, today } = opts;
  const { result, offset, limit } = outcome;
  const total = result.total;
  const title = total === 0 ? t(locale, 'socialMap.lookup.titleNone') : total === 1 ? t(locale, 'socialMap.lookup.titleOne') : t(locale, 'socialMap.lookup.title', { total });
  const shown = result.results.length;
  const pageText = total > shown || offset > 0 ? t(locale, 'socialMap.lookup.page', { from: offset + 1, to: offset + shown, total }) : '';
  const here: PageRef = { ...ref, offset };
  // the partner's view with its two buttons' data added to it, not spread into a copy of its ~20 fields
  const results = result.results.map((hit: SearchHit) =>
    Object.assign(partnerView(hit.partner, locale, now, today), {
      detailsData: { partnerId: hit.partner.id, ...here },
      reportData: { partnerId: hit.partner.id, ...here },
    }),
  );
  const nextOffset = offset + limit;
  const hasMore = total > nextOffset && nextOffset <= 1_000;
  const suggestions = (result.noResults?.suggestions ?? [])
    .filter((s) => s.total > 0)
    .slice(0, 4)
    .map((s) => ({
      line: t(locale, s.messageKey, s.params),
      // the button is short (Teams cuts titles); the line above it has the details and the count
      title: t(locale, `socialMap.widenButton.${s.kind}`),
      data: { qj: JSON.stringify(s.query), offset: 0 },
    }));
  const rephrase = result.noResults && suggestions.length === 0 ? t(locale, 'socialMap.widen.rephrase') : '';
  // an answer about one wijk offers that wijk's netwerkkaart (the picture of all its partners)
  const asked = outcome.query.areas;
  const networkMapData = asked.wijken.length === 1 && asked.postcodePrefixes.length === 0 ? { map: `w.${asked.wijken[0]}`, ...here } : null;
  return renderCard('partnerResults', {
    title,
    understood: understoodLine(outcome.query, result.unmatched, locale),
    pageText,
    results,
    noHits: total === 0,
    noHitsText: total === 0 ? t(locale, 'socialMap.search.noResults') + (suggestions.length ? ` ${t(locale, 'socialMap.lookup.widenIntro')}` : '') : '',
    widenLines: suggestions.map((s) => `• ${s.line}`),
    rephrase,
    noHitsHint: total === 0 ? opts.noHitsHint ?? '' : '',
    suggestions,
    hasMore,
    moreData: { ...ref, offset: nextOffset },
    hasPrevious: offset > 0,
    previousData: { ...ref, offset: Math.max(0, offset - limit) },
    hasNetworkMap: networkMapData !== null,
    networkMapData: networkMapData ?? {},
    labels: { ...labels(locale), more: t(locale, 'socialMap.action.more'), previous: t(locale, 'socialMap.action.previous'), networkMap: t(locale, 'networkMap.action.open') },
  });
}

/** All fields of one partner. `interactive` false: for the compose box (links only; the bot may not be in that chat). */
export function detailsCard(p: Partner, opts: { locale: Locale; now: Date; today: string; back?: PageRef; interactive: boolean }): Record<string, unknown> {
  const { locale } = opts;
  const view = partnerView(p, locale, opts.now, opts.today);
  const none = t(locale, 'socialMap.value.none');
  const address = [p.address, [p.postcode, p.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  const facts: { title: string; value: string }[] = [
    { title: t(locale, 'socialMap.field.discipline'), value: disciplineLabel(p.discipline, locale) },
    { title: t(locale, 'socialMap.field.expertise'), value: p.expertise.join(', ') },
    { title: t(locale, 'socialMap.field.area'), value: areaText(p, locale) },
    { title: t(locale, 'socialMap.field.address'), value: address },
    { title: t(locale, 'socialMap.field.workdays'), value: p.workdays.length ? WEEKDAYS.filter((d) => p.workdays.includes(d)).map((d) => weekdayName(d, locale)).join(', ') : '' },
    { title: t(locale, 'socialMap.field.intakeStop'), value: stopValue(p, opts.today, locale) },
    { title: t(locale, 'socialMap.field.wait'), value: waitValue(p, locale) },
    { title: t(locale, 'socialMap.field.communication'), value: p.communication.map((c) => channelLabel(c, locale)).join(' › ') },
    { title: t(locale, 'socialMap.field.phone'), value: p.phone ?? '' },
    { title: t(locale, 'socialMap.field.email'), value: p.email ?? '' },
    { title: t(locale, 'socialMap.field.website'), value: p.website ?? '' },
    { title: t(locale, 'socialMap.field.agb'), value: p.agb ?? '' },
    { title: t(locale, 'socialMap.field.checked'), value: checkedValue(p, locale) },
  ].map((f) => ({ title: f.title, value: f.value ? mdInert(f.value) : none }));
  // below the facts only what needs attention: the facts already say when it was checked
  const staleWarning = view.checkedColor === 'Warning' ? t(locale, p.lastCheckedAt ? 'socialMap.result.staleWarning' : 'socialMap.result.neverCheckedWarning') : '';
  return renderCard('partnerDetails', {
    ...view,
    checked: staleWarning,
    facts,
    interactive: opts.interactive,
    reportData: { partnerId: p.id, ...(opts.back ?? { offset: 0 }) },
    hasBack: Boolean(opts.interactive && opts.back && (opts.back.q || opts.back.qj)),
    backData: opts.back ?? { offset: 0 },
    labels: labels(locale),
  });
}

/** "Klopt niet": what is wrong (choice) and an optional note. */
export function reportCard(p: Partner, opts: { locale: Locale; back?: PageRef; error?: string }): Record<string, unknown> {
  const { locale } = opts;
  return renderCard('partnerReport', {
    title: t(locale, 'socialMap.report.title', { name: mdInert(p.name) }),
    error: opts.error ?? '',
    whatLabel: t(locale, 'socialMap.report.what'),
    noteLabel: t(locale, 'socialMap.report.note'),
    badField: t(locale, 'socialMap.report.badField'),
    choices: REPORT_FIELDS.map((f) => ({ title: t(locale, `socialMap.report.field.${f}`), value: f })),
    sendData: { partnerId: p.id, ...(opts.back ?? { offset: 0 }) },
    cancelData: { partnerId: p.id, ...(opts.back ?? { offset: 0 }) },
    labels: labels(locale),
  });
}

export function reportFieldLabel(field: ReportField, locale: Locale): string {
  return t(locale, `socialMap.report.field.${field}`);
}
