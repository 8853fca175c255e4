/**
 * Every card and reply text of the meetings feature. Data for the templates in cards/meeting*.json goes
 * through renderCard only (user text is made inert there); texts come from the catalogue (messages.ts).
 *
 * Privacy of the shared invitation: the card in the channel shows counts, never who answered what.
 * A person's own answer is only in the card they get back from their own click or refresh.
 */
import { renderCard } from '../../cards/render';
import { messageCard, type Tone } from '../../cards/messageCard';
import { tableCard } from '../../cards/tableCard';
import { roleLabel, type Locale } from '../groups/types';
import { t } from '../../i18n';
import { amsterdamWallClock, parseIsoDate } from '../../dates/calendar';
import type { DraftView } from './service';
import type { Problem } from './drafts';
import { formatDateCompact, formatMeetingCompact, formatMeetingFull, formatMeetingRange } from '../../dates/formatting';
import type { SummaryState } from '../../ports/meetingsPort';
import type { Invitee, MeetingRecord, RsvpAnswer, RsvpCounts } from './repository';
import type { AttendanceSum } from './service';
import { INVITED_ROLES, MEETING_TYPE_LABELS, MEETING_TYPES, type MeetingType, type MeetingWarning, type Role } from './types';

export type { Tone };

const TYPE_SHORT: Record<MeetingType, { nl: string; en: string }> = {
  FTO: { nl: 'FTO', en: 'FTO' },
  PaTz: { nl: 'PaTz', en: 'PaTz' },
  spiegel: { nl: 'Spiegelbijeenkomst', en: 'Spiegelbijeenkomst' },
  wijkoverleg: { nl: 'Wijkoverleg', en: 'Wijkoverleg' },
};

export function typeShort(type: MeetingType, locale: Locale): string {
  return TYPE_SHORT[type][locale];
}

const ROLE_PLURAL: Record<Role, { nl: string; en: string }> = {
  huisarts: { nl: 'huisartsen', en: 'GPs' },
  apotheker: { nl: 'apothekers', en: 'pharmacists' },
  wijkverpleegkundige: { nl: 'wijkverpleegkundigen', en: 'district nurses' },
  coordinator: { nl: 'coördinator', en: 'coordinator' },
  raadslid: { nl: 'raadsleden', en: 'council members' },
  admin: { nl: 'beheerders', en: 'administrators' },
};

/** One role as people read it: the identity foundation's labels (groups/types.ts), the same everywhere. */
export { roleLabel };

function joinList(items: string[], locale: Locale): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${locale === 'nl' ? 'en' : 'and'} ${items.at(-1)}`;
}

/** "huisartsen en apothekers (+ coördinator)"; the wijkoverleg is for everyone in the group. */
export function invitedLabel(type: MeetingType, locale: Locale): string {
  if (type === 'wijkoverleg') return t(locale, 'meetings.card.invitedEveryone');
  const roles = INVITED_ROLES[type].filter((r) => r !== 'coordinator' && r !== 'admin');
  return joinList(roles.map((r) => ROLE_PLURAL[r][locale]), locale);
}

/** Warnings and problems as sentences; a date list inside a series warning is written out. */
export function warningText(w: MeetingWarning | Problem, locale: Locale): string {
  return t(locale, w.code, w.params ?? {});
}

function toneStyle(tone: Tone): string {
  return tone === 'good' ? 'good' : tone === 'warning' ? 'warning' : tone === 'attention' ? 'attention' : 'emphasis';
}

// ---- the confirmation card --------------------------------------------------------------------------

export function draftCard(view: DraftView, locale: Locale, problems: Problem[] = [], opts: { changed?: boolean } = {}): Record<string, unknown> {
  const { plan } = view;
  const open = view.status === 'open';
  const first = view.occurrences[0];
  const groupName = view.groups.find((g) => g.id === plan.groupId)?.name ?? '';
  const facts: { title: string; value: string }[] = [
    { title: t(locale, 'meetings.card.factType'), value: MEETING_TYPE_LABELS[plan.type][locale] },
    { title: t(locale, 'meetings.card.factGroup'), value: groupName || t(locale, 'meetings.card.groupMissing') },
    plan.series
      ? { title: t(locale, 'meetings.card.factSeries'), value: t(locale, 'meetings.card.seriesCount', { count: view.occurrences.length }) }
      : { title: t(locale, 'meetings.card.factWhen'), value: formatMeetingFull({ date: parseIsoDate(first.localDate)!, time: amsterdamWallClock(first.startsAt).time }, locale) },
    { title: t(locale, 'meetings.card.factDuration'), value: t(locale, 'meetings.card.minutes', { minutes: plan.durationMinutes }) },
  ];
  if (plan.theme) facts.push({ title: t(locale, 'meetings.card.factTheme'), value: plan.theme });
  if (plan.location) facts.push({ title: t(locale, 'meetings.card.factLocation'), value: plan.location });
  if (plan.onlineUrl) facts.push({ title: t(locale, 'meetings.card.factOnline'), value: plan.onlineUrl });
  facts.push({ title: t(locale, 'meetings.card.factInvited'), value: invitedLabel(plan.type, locale) });
  // what the coordinator typed, word for word, next to how it was read
  const readAs = plan.edited ? [] : plan.understood.filter((u) => u.input && ['date', 'time', 'recurrence', 'series'].includes(u.field));
  for (const u of readAs) facts.push({ title: `"${u.input}"`, value: u[locale] });

  const seriesLines = plan.series
    ? view.occurrences.map((o, i) => {
        const marks = [...o.warnings.map((w) => warningText(w, locale)), ...o.conflicts.map((c) => t(locale, 'meetings.card.conflictShort', { code: c.code }))];
        return `${i + 1}. ${formatMeetingCompact(o.startsAt, locale)}${marks.length ? ` — ⚠ ${marks.join(' ')}` : ''}`;
      })
    : [];
  const statusLine =
    view.status === 'confirmed' ? t(locale, 'meetings.draft.confirmedStatus') : view.status === 'discarded' ? t(locale, 'meetings.draft.discardedStatus') : t(locale, 'meetings.draft.openStatus');
  return renderCard('meetingDraft', {
    draftId: view.id,
    title: t(locale, plan.series ? 'meetings.draft.titleSeries' : 'meetings.draft.title', { type: typeShort(plan.type, locale) }),
    statusLine,
    hasProblems: problems.length > 0,
    problems: problems.map((p) => warningText(p, locale)),
    // after an edit: a calm notice that names remarks only when there are some (it was a red alert before)
    hasNotice: Boolean(opts.changed) && problems.length === 0,
    notice: opts.changed ? t(locale, view.warnings.length || view.occurrences.some((o) => o.warnings.length || o.conflicts.length) ? 'meetings.draft.reviewChanges' : 'meetings.draft.reviewChangesClean') : '',
    understoodTitle: t(locale, 'meetings.draft.understood'),
    understood: facts,
    hasWarnings: view.warnings.length > 0,
    warningsTitle: t(locale, 'meetings.draft.warningsTitle'),
    warnings: view.warnings.map((w) => `⚠ ${warningText(w, locale)}`),
    isSeries: plan.series,
    seriesTitle: t(locale, 'meetings.draft.seriesTitle', { count: view.occurrences.length }),
    seriesLines,
    open,
    isSingle: !plan.series,
    typeLabel: t(locale, 'meetings.card.factType'),
    typeValue: plan.type,
    typeChoices: MEETING_TYPES.map((ty) => ({ title: MEETING_TYPE_LABELS[ty][locale], value: ty })),
    groupLabel: t(locale, 'meetings.card.factGroup'),
    groupValue: plan.groupId ?? '',
    groupPlaceholder: t(locale, 'meetings.card.groupMissing'),
    groupChoices: view.groups.map((g) => ({ title: g.name, value: g.id })),
    dateLabel: t(locale, 'meetings.card.labelDate'),
    dateValue: first.localDate,
    timeLabel: t(locale, plan.series ? 'meetings.card.labelTimeAll' : 'meetings.card.labelTime'),
    timeValue: first.localTime,
    durationLabel: t(locale, 'meetings.card.labelDuration'),
    durationValue: plan.durationMinutes,
    themeLabel: t(locale, 'meetings.card.factTheme'),
    themeValue: plan.theme ?? '',
    locationLabel: t(locale, 'meetings.card.factLocation'),
    locationValue: plan.location ?? '',
    onlineLabel: t(locale, 'meetings.card.labelOnline'),
    onlineValue: plan.onlineUrl ?? '',
    confirmTitle: t(locale, plan.series ? 'meetings.draft.confirmSeries' : 'meetings.draft.confirm', { count: view.occurrences.length }),
    discardTitle: t(locale, 'meetings.draft.discard'),
  });
}

// ---- the invitation (shared and personal) -----------------------------------------------------------

export interface InviteCardInput {
  meeting: MeetingRecord;
  groupName: string;
  counts: RsvpCounts;
  invitedCount: number;
  locale: Locale;
  icsUrl: string;
  agreements: string[];
  refreshUserIds: string[];
  /** the clicking person's own view; absent for the shared card */
  personal?: { mine: RsvpAnswer | null; invited: boolean; canManage: boolean };
  notice?: { text: string; tone: Tone };
  /** 'reminder' renders the channel reminder (no buttons, reminder banner) */
  variant?: 'invite' | 'reminder';
  now: Date;
}

const ANSWER_CODES: Record<RsvpAnswer, string> = { yes: 'meetings.card.answerYes', no: 'meetings.card.answerNo', maybe: 'meetings.card.answerMaybe' };

export function answerLabel(answer: RsvpAnswer, locale: Locale): string {
  return t(locale, ANSWER_CODES[answer]);
}

export function inviteCard(input: InviteCardInput): Record<string, unknown> {
  const { meeting, locale, personal } = input;
  const cancelled = meeting.status === 'cancelled';
  const started = meeting.startsAt.getTime() <= input.now.getTime();
  const reminder = input.variant === 'reminder';
  const facts: { title: string; value: string }[] = [
    { title: t(locale, 'meetings.card.factWhen'), value: formatMeetingRange(meeting.startsAt, meeting.endsAt, locale) },
  ];
  if (meeting.location) facts.push({ title: t(locale, 'meetings.card.factLocation'), value: meeting.location });
  if (meeting.onlineUrl) facts.push({ title: t(locale, 'meetings.card.factOnline'), value: meeting.onlineUrl });
  facts.push({ title: t(locale, 'meetings.card.factInvited'), value: `${invitedLabel(meeting.type, locale)} (${input.invitedCount})` });
  facts.push({ title: t(locale, 'meetings.card.factCode'), value: meeting.code });

  let banner = '';
  let bannerStyle = 'emphasis';
  if (cancelled) [banner, bannerStyle] = [t(locale, 'meetings.card.cancelledBanner'), 'attention'];
  else if (reminder) [banner, bannerStyle] = [t(locale, 'meetings.card.reminderBanner', { when: formatMeetingCompact(meeting.startsAt, locale) }), 'accent'];
  else if (meeting.sequence > 0) [banner, bannerStyle] = [t(locale, 'meetings.card.changedBanner'), 'warning'];

  const canAnswer = !cancelled && !started && !reminder && (!personal || personal.invited);
  const mine = personal?.mine ?? null;
  const buttons = canAnswer
    ? (['yes', 'no', 'maybe'] as RsvpAnswer[]).map((answer) => ({
        answer,
        title: (mine === answer ? '✓ ' : '') + answerLabel(answer, locale),
        style: mine === answer ? 'positive' : 'default',
      }))
    : [];
  let mineLine = '';
  if (personal) {
    if (mine) mineLine = t(locale, 'meetings.card.yourAnswer', { answer: answerLabel(mine, locale) });
    else if (!personal.invited) mineLine = t(locale, 'meetings.card.notInvited');
    else if (canAnswer) mineLine = t(locale, 'meetings.card.noAnswerYet');
  }
  const note = meeting.type === 'PaTz' && !cancelled ? t(locale, 'meetings.card.patzPortal') : '';
  const footer = cancelled
    ? t(locale, 'meetings.card.footerCancelled')
    : started
      ? t(locale, 'meetings.card.footerStarted')
      : reminder
        ? t(locale, 'meetings.card.footerReminder')
        : personal?.canManage
          ? t(locale, 'meetings.card.footerManage', { code: meeting.code })
          : t(locale, 'meetings.card.footer');
  const card = renderCard('meetingInvite', {
    meetingId: meeting.id,
    hasRefresh: !reminder && input.refreshUserIds.length > 0,
    refreshUserIds: input.refreshUserIds,
    refreshTitle: t(locale, 'meetings.card.refresh'),
    hasBanner: Boolean(banner),
    banner,
    bannerStyle,
    kicker: t(locale, 'meetings.card.kicker', { type: typeShort(meeting.type, locale), group: input.groupName }),
    title: meeting.theme ? meeting.theme : MEETING_TYPE_LABELS[meeting.type][locale],
    facts,
    hasAgreements: !cancelled && input.agreements.length > 0,
    agreementsTitle: t(locale, 'meetings.card.agreementsTitle'),
    agreements: input.agreements,
    hasNote: Boolean(note),
    note,
    countsLine: t(locale, 'meetings.card.counts', { yes: input.counts.yes, maybe: input.counts.maybe, no: input.counts.no, invited: input.invitedCount }),
    hasMine: Boolean(mineLine),
    mine: mineLine,
    hasNotice: Boolean(input.notice),
    notice: input.notice?.text ?? '',
    noticeStyle: toneStyle(input.notice?.tone ?? 'default'),
    footer,
    buttons,
    hasIcs: !cancelled,
    icsTitle: t(locale, 'meetings.card.ics'),
    icsUrl: input.icsUrl,
  });
  // a `$when` that is false leaves "refresh": null; send no refresh at all rather than a null one
  if (card.refresh == null) delete card.refresh;
  return card;
}

// ---- reschedule / cancel confirmation ---------------------------------------------------------------

export function changeCard(
  kind: 'reschedule' | 'cancel',
  input: { meeting: MeetingRecord; groupName: string; locale: Locale; newStartsAt?: Date; newEndsAt?: Date; warnings?: MeetingWarning[]; done?: string },
): Record<string, unknown> {
  const { meeting, locale } = input;
  const facts = [
    { title: t(locale, 'meetings.card.factCode'), value: meeting.code },
    { title: t(locale, 'meetings.card.factType'), value: `${typeShort(meeting.type, locale)} · ${input.groupName}` },
    { title: t(locale, kind === 'reschedule' ? 'meetings.card.factFrom' : 'meetings.card.factWhen'), value: formatMeetingFull(meeting.startsAt, locale) },
  ];
  if (kind === 'reschedule' && input.newStartsAt) facts.push({ title: t(locale, 'meetings.card.factTo'), value: formatMeetingFull(input.newStartsAt, locale) });
  if (meeting.theme) facts.push({ title: t(locale, 'meetings.card.factTheme'), value: meeting.theme });
  return renderCard('meetingChange', {
    title: t(locale, kind === 'reschedule' ? 'meetings.change.rescheduleTitle' : 'meetings.change.cancelTitle'),
    facts,
    hasWarnings: Boolean(input.warnings?.length),
    warnings: (input.warnings ?? []).map((w) => `⚠ ${warningText(w, locale)}`),
    question: input.done ?? t(locale, kind === 'reschedule' ? 'meetings.change.rescheduleQuestion' : 'meetings.change.cancelQuestion'),
    open: !input.done,
    verb: kind === 'reschedule' ? 'meeting.reschedule.confirm' : 'meeting.cancel.confirm',
    confirmTitle: t(locale, kind === 'reschedule' ? 'meetings.change.rescheduleConfirm' : 'meetings.change.cancelConfirm'),
    confirmStyle: kind === 'cancel' ? 'destructive' : 'positive',
    meetingId: meeting.id,
    sequence: meeting.sequence,
    startsAt: input.newStartsAt?.toISOString() ?? '',
  });
}

// ---- attendance -------------------------------------------------------------------------------------

/**
 * `summaryState`: whether the meeting has a verslag. "Verslag schrijven" is offered only when it has none:
 * under a verslag that is already open (or posted) the button only repeated it.
 */
export function attendanceCard(input: { meeting: MeetingRecord; groupName: string; invitees: Invitee[]; selected: string[]; locale: Locale; notice?: { text: string; tone: Tone }; summaryState?: SummaryState }): Record<string, unknown> {
  const { meeting, locale } = input;
  const lines = [
    t(locale, 'meetings.attendance.intro', { type: typeShort(meeting.type, locale), group: input.groupName, when: formatMeetingFull(meeting.startsAt, locale), code: meeting.code }),
    meeting.attendanceAt ? t(locale, 'meetings.attendance.confirmedBy', { name: meeting.attendanceBy ?? '?', when: formatMeetingCompact(meeting.attendanceAt, locale) }) : t(locale, 'meetings.attendance.prefilled'),
  ];
  return renderCard('meetingAttendance', {
    meetingId: meeting.id,
    title: t(locale, 'meetings.attendance.title', { code: meeting.code }),
    lines,
    hasNotice: Boolean(input.notice),
    notice: input.notice?.text ?? '',
    noticeStyle: toneStyle(input.notice?.tone ?? 'default'),
    choiceLabel: t(locale, 'meetings.attendance.choiceLabel'),
    selected: input.selected.join(','),
    people: input.invitees.map((i) => ({ title: `${i.name} (${roleLabel(i.role, locale)})`, value: i.personId })),
    saveTitle: t(locale, 'meetings.attendance.save'),
    // the meeting summaries feature answers this verb (same as `verslag <code>`)
    code: meeting.code,
    hasSummaryButton: (input.summaryState ?? 'none') === 'none',
    summaryTitle: t(locale, 'meetings.attendance.summary'),
  });
}

// ---- replies ----------------------------------------------------------------------------------------

export function meetingLine(m: MeetingRecord, groupName: string, locale: Locale, counts?: RsvpCounts): string {
  const parts = [`**${m.code}**`, formatMeetingCompact(m.startsAt, locale), typeShort(m.type, locale), groupName];
  if (m.theme) parts.push(m.theme);
  if (counts) parts.push(t(locale, 'meetings.agenda.counts', { yes: counts.yes, maybe: counts.maybe }));
  return parts.join(' · ');
}

export function createdCard(meetings: MeetingRecord[], groupName: string, locale: Locale, opts: { posted: boolean; noChannel: boolean; already: boolean }): Record<string, unknown> {
  const lines = meetings.map((m) => meetingLine(m, groupName, locale));
  if (opts.already) lines.unshift(t(locale, 'meetings.created.already'));
  if (opts.noChannel) lines.push(t(locale, 'meetings.created.noChannel', { group: groupName }));
  else if (opts.posted) lines.push(t(locale, meetings.length > 1 ? 'meetings.created.postedSeries' : 'meetings.created.posted', { group: groupName }));
  lines.push(t(locale, 'meetings.created.howToChange', { code: meetings[0]?.code ?? '' }));
  const title = t(locale, meetings.length > 1 ? 'meetings.created.titleSeries' : 'meetings.created.title', { count: meetings.length });
  return messageCard(title, lines, opts.noChannel ? 'warning' : 'good');
}

/** For whoever linked the channel: which waiting invitations are in it now (and which follow by retry). */
export function linkedInvitesText(posted: MeetingRecord[], retrying: MeetingRecord[], locale: Locale): string[] {
  const name = (m: MeetingRecord) => `**${m.code}** (${formatMeetingCompact(m.startsAt, locale)})`;
  const list = (ms: MeetingRecord[]) => {
    const names = ms.map(name);
    return names.length > 1 ? `${names.slice(0, -1).join(', ')} ${t(locale, 'meetings.linked.and')} ${names.at(-1)}` : names[0];
  };
  const lines: string[] = [];
  if (posted.length) lines.push(t(locale, posted.length === 1 ? 'meetings.linked.postedOne' : 'meetings.linked.posted', { meetings: list(posted) }));
  if (retrying.length) lines.push(t(locale, 'meetings.linked.retrying', { meetings: list(retrying) }));
  return lines;
}

export function agendaCard(items: { meeting: MeetingRecord; groupName: string; counts: RsvpCounts }[], locale: Locale, groupName?: string): Record<string, unknown> {
  const title = groupName ? t(locale, 'meetings.agenda.titleGroup', { group: groupName }) : t(locale, 'meetings.agenda.title');
  if (!items.length) return messageCard(title, [t(locale, 'meetings.agenda.empty')]);
  return messageCard(title, items.map((i) => meetingLine(i.meeting, i.groupName, locale, i.counts)));
}

/** Personal message to those who said yes, after a reschedule or a cancellation. */
export function changedNotice(kind: 'reschedule' | 'cancel', meeting: MeetingRecord, groupName: string, locale: Locale, previousStart?: Date): Record<string, unknown> {
  if (kind === 'cancel') {
    return messageCard(t(locale, 'meetings.notify.cancelTitle', { type: typeShort(meeting.type, locale) }), [
      t(locale, 'meetings.notify.cancelLine', { type: typeShort(meeting.type, locale), group: groupName, when: formatMeetingFull(meeting.startsAt, locale), code: meeting.code }),
    ], 'attention');
  }
  return messageCard(t(locale, 'meetings.notify.rescheduleTitle', { type: typeShort(meeting.type, locale) }), [
    t(locale, 'meetings.notify.rescheduleLine', {
      type: typeShort(meeting.type, locale), group: groupName, from: previousStart ? formatMeetingFull(previousStart, locale) : '?', when: formatMeetingFull(meeting.startsAt, locale), code: meeting.code,
    }),
    t(locale, 'meetings.notify.rescheduleAsk'),
  ], 'warning');
}

/** `presentie Oost 2026`: a table per person (total and per type) and the whole list as a download. */
export function attendanceSumCard(sum: AttendanceSum, locale: Locale, downloadUrl: string): Record<string, unknown> {
  const title = t(locale, 'meetings.sum.title', { group: sum.group.name, year: sum.year });
  if (!sum.meetings) return messageCard(title, [t(locale, 'meetings.sum.none', { year: sum.year })]);
  const rows = sum.rows.map((r) => {
    const parts = (['FTO', 'PaTz', 'spiegel', 'wijkoverleg'] as MeetingType[]).filter((ty) => r.byType[ty] > 0).map((ty) => `${typeShort(ty, locale)} ${r.byType[ty]}`);
    return [r.name, roleLabel(r.role, locale), String(r.total), parts.join(', ')];
  });
  return tableCard({
    title,
    lines: [t(locale, 'meetings.sum.intro', { meetings: sum.meetings }), t(locale, 'meetings.sum.download')],
    columns: [
      { title: t(locale, 'meetings.list.colName'), width: 3 },
      { title: t(locale, 'meetings.list.colRole'), width: 2 },
      { title: t(locale, 'meetings.sum.colTotal'), width: 1 },
      { title: t(locale, 'meetings.sum.colByType'), width: 3 },
    ],
    rows,
    more: (count) => t(locale, 'meetings.list.more', { count }),
    download: { title: t(locale, 'meetings.list.download'), url: downloadUrl },
  });
}

/**
 * `presentielijst FTO-7K2`: who was there as a table, and the CSV for GAIA behind a short download button
 * (it was pasted into the chat as raw CSV, which Teams folds into one paragraph, with a long raw link).
 */
export function presentielijstCard(meeting: MeetingRecord, groupName: string, rows: { name: string; role: string }[], downloadUrl: string, locale: Locale): Record<string, unknown> {
  return tableCard({
    title: t(locale, 'meetings.list.title', { code: meeting.code }),
    lines: [t(locale, 'meetings.list.intro', { code: meeting.code, type: typeShort(meeting.type, locale), group: groupName, date: formatDateCompact(amsterdamWallClock(meeting.startsAt).date, locale), count: rows.length })],
    columns: [{ title: t(locale, 'meetings.list.colName'), width: 3 }, { title: t(locale, 'meetings.list.colRole'), width: 2 }],
    rows: rows.map((r) => [r.name, roleLabel(r.role, locale)]),
    more: (count) => t(locale, 'meetings.list.more', { count }),
    download: { title: t(locale, 'meetings.list.download'), url: downloadUrl },
  });
}

/** The channel's answer when a presentielijst (or presentie) went to the coordinator's personal chat, or could not. */
export function sentPersonallyText(sent: boolean, locale: Locale): string {
  return t(locale, sent ? 'meetings.list.sentPersonally' : 'meetings.list.openPersonalChat');
}

export function seriesOverviewCard(list: MeetingRecord[], groupName: string, locale: Locale): Record<string, unknown> {
  return messageCard(
    t(locale, 'meetings.created.seriesOverview', { type: typeShort(list[0].type, locale), group: groupName, count: list.length }),
    [...list.map((m) => meetingLine(m, groupName, locale)), t(locale, 'meetings.created.seriesInvites')],
  );
}

export function rsvpNotice(outcome: 'recorded' | 'changed' | 'unchanged', locale: Locale): { text: string; tone: Tone } {
  if (outcome === 'recorded') return { text: t(locale, 'meetings.rsvp.recorded'), tone: 'good' };
  if (outcome === 'changed') return { text: t(locale, 'meetings.rsvp.changed'), tone: 'good' };
  return { text: t(locale, 'meetings.rsvp.unchanged'), tone: 'default' };
}

export function changeDoneText(kind: 'already' | 'rescheduled' | 'cancelled', meeting: MeetingRecord, locale: Locale, told?: { told: number; yes: number }): string {
  if (kind === 'already') return t(locale, 'meetings.change.alreadyChanged', { code: meeting.code });
  const lines = [
    kind === 'rescheduled'
      ? t(locale, 'meetings.change.rescheduledDone', { code: meeting.code, when: formatMeetingFull(meeting.startsAt, locale) })
      : t(locale, 'meetings.change.cancelDone', { code: meeting.code }),
  ];
  if (told && told.yes > 0) lines.push(t(locale, 'meetings.change.told', { told: told.told, yes: told.yes }));
  return lines.join(' ');
}

export function attendanceSavedText(count: number, meeting: MeetingRecord, locale: Locale, summaryState: SummaryState = 'none'): string {
  const saved = t(locale, 'meetings.attendance.saved', { count, code: meeting.code });
  return summaryState === 'draft' ? `${saved} ${t(locale, 'meetings.attendance.savedDraftOpen')}` : saved;
}

export function attendanceSummary(meeting: MeetingRecord): string {
  return t(meeting.locale, 'meetings.attendance.title', { code: meeting.code });
}

export function reminderSummary(meeting: MeetingRecord): string {
  return t(meeting.locale, 'meetings.card.reminderBanner', { when: formatMeetingCompact(meeting.startsAt, meeting.locale) });
}

export function draftSummary(view: DraftView, locale: Locale): string {
  return t(locale, view.plan.series ? 'meetings.draft.titleSeries' : 'meetings.draft.title', { type: typeShort(view.plan.type, locale) });
}

/** SUMMARY and DESCRIPTION of the .ics file: what the channel card shows, nothing more. */
export function icsTexts(meeting: MeetingRecord, groupName: string, locale: Locale): { summary: string; description: string } {
  const summary = `${typeShort(meeting.type, locale)} wijkgroep ${groupName}${meeting.theme ? `: ${meeting.theme}` : ''}`;
  const description = [
    MEETING_TYPE_LABELS[meeting.type][locale],
    meeting.theme ? t(locale, 'meetings.ics.theme', { theme: meeting.theme }) : '',
    meeting.type === 'PaTz' ? t(locale, 'meetings.card.patzPortal') : '',
    t(locale, 'meetings.ics.code', { code: meeting.code }),
  ].filter(Boolean).join('\n');
  return { summary, description };
}
