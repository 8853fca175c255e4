/**
 * View models → template data for cards/poll.json and cards/pollDraft.json, rendered by src/cards/render.ts.
 *
 * One poll template serves two readers:
 * - the shared card (in the channel, for everyone): question, turnout, results when allowed, the vote
 *   buttons — never anything about one voter. It carries `refresh` so Teams asks each listed user's
 *   client to fetch their own view (verb poll.view);
 * - a voter's own view (only in the invoke response): the same plus "Jij stemde …", their previous
 *   feedback, withdraw, and for the creator the close/remind/export controls.
 * Result bars are a two-column ColumnSet per option: a coloured column as wide as the option's share
 * and an empty one for the rest. It renders in every Teams client (no images to host or fetch).
 */
import { markdownInert } from '../../cards/markdown';
import { messageCard } from '../../cards/messageCard';
import { renderCard } from '../../cards/render';
import type { Locale } from '../groups/types';
import { hasMessage, t } from '../../i18n';
import { formatWhen } from './deadline';
import type { DraftForm, Problem } from './parse';
import { optionResults, turnoutPercent } from './tally';
import { MAX_BUTTON_OPTIONS, MAX_COMMENTS_ON_CARD, MAX_COMMENT_CHARS, formatTarget, type MyBallot, type PollRecord, type PollSnapshot } from './types';

export type Tone = 'good' | 'attention' | 'warning' | 'default';

/** What only the acting person sees; absent for the shared card. */
export interface PersonalView {
  mine: MyBallot;
  eligible: boolean;
  canManage: boolean;
  confirmClose?: boolean;
  exportUrl?: string;
}

export function audienceLabel(poll: Pick<PollRecord, 'audience'>, groupNames: string[], locale: Locale): string {
  if (poll.audience === 'groups') return t(locale, 'polls.card.audience.groups', { groups: groupNames.join(', ') || '?' });
  return t(locale, poll.audience === 'all' ? 'polls.card.audience.all' : 'polls.card.audience.raad');
}

export function turnoutLine(voters: number, eligible: number, locale: Locale): string {
  const params = { voters, eligible, percent: turnoutPercent(voters, eligible) };
  return t(locale, voters === 1 ? 'polls.card.turnoutOne' : 'polls.card.turnout', params);
}

function toneStyle(tone: Tone): string {
  return tone === 'good' ? 'good' : tone === 'attention' ? 'attention' : tone === 'warning' ? 'warning' : 'emphasis';
}

export function pollCard(
  snap: PollSnapshot,
  opts: { locale: Locale; audience: string; refreshUserIds: string[]; personal?: PersonalView; notice?: { text: string; tone: Tone } },
): Record<string, unknown> {
  const { poll } = snap;
  const { locale, personal } = opts;
  const open = poll.status === 'open';
  const closed = poll.status === 'closed';
  const showResults = closed || poll.resultsLive;
  const results = optionResults(poll.options, snap.counts, snap.voters, poll.multiple).map((r) => ({
    label: r.label,
    countText: t(locale, r.count === 1 ? 'polls.card.votesOne' : 'polls.card.votes', { count: r.count, percent: r.percent }),
    percent: Math.max(0, Math.min(100, r.percent)),
    rest: 100 - Math.max(0, Math.min(100, r.percent)),
    weight: r.leading && closed ? 'Bolder' : 'Default',
    barStyle: r.leading && closed ? 'good' : 'accent',
  }));

  const mine = personal?.mine ?? { kind: 'none' };
  const myChoices = mine.kind === 'named' ? mine.choices : [];
  // Voting controls: on the shared card for everyone (eligibility is checked when the click arrives);
  // in a personal view only for electors. Anonymous voters who voted get no second chance: votes are final.
  const canVote = open && (!personal || (personal.eligible && mine.kind !== 'anonymous'));
  const useButtons = canVote && !poll.multiple && !poll.anonymous && poll.options.length <= MAX_BUTTON_OPTIONS;
  const useChoiceSet = canVote && !useButtons;

  let personalLine = '';
  if (personal) {
    if (mine.kind === 'named') personalLine = t(locale, 'polls.card.youVoted', { choices: myChoices.map((i) => poll.options[i]).join(', ') });
    else if (mine.kind === 'anonymous') personalLine = t(locale, 'polls.card.youVotedAnonymous');
    else if (!personal.eligible) personalLine = t(locale, 'polls.card.notElector');
    else if (open) personalLine = t(locale, 'polls.card.notVoted');
  }

  const statusLine = closed
    ? t(locale, poll.closedBy === 'deadline' ? 'polls.card.closedByDeadline' : 'polls.card.closedAt', { when: poll.closedAt ? formatWhen(poll.closedAt, locale) : '' })
    : poll.deadline
      ? t(locale, 'polls.card.deadline', { when: formatWhen(poll.deadline, locale) })
      : t(locale, 'polls.card.noDeadline');

  const secrecyNote = [
    t(locale, poll.multiple ? 'polls.card.multiple' : 'polls.card.single'),
    t(locale, poll.anonymous ? 'polls.card.anonymous' : 'polls.card.named'),
    !poll.anonymous && !poll.resultsLive ? t(locale, 'polls.card.resultsAfterClose') : '',
  ].filter(Boolean).join(' ');

  const comments = closed ? snap.comments : [];
  const manage = Boolean(personal?.canManage);
  const data = {
    pollId: poll.id,
    title: t(locale, closed ? 'polls.card.resultTitle' : 'polls.card.title', { id: poll.id }),
    question: poll.question,
    byLine: t(locale, 'polls.card.by', { name: poll.creatorName, audience: opts.audience }),
    statusLine,
    hasNotice: Boolean(opts.notice),
    notice: opts.notice?.text ?? '',
    noticeStyle: toneStyle(opts.notice?.tone ?? 'default'),
    showResults,
    results,
    turnoutLine: turnoutLine(snap.voters, poll.eligibleCount, locale),
    hasMine: Boolean(personalLine),
    mine: personalLine,
    secrecyNote: open ? secrecyNote : t(locale, poll.anonymous ? 'polls.card.anonymousShort' : 'polls.card.namedShort'),
    useButtons,
    buttons: poll.options.map((label, index) => ({ title: label, index, style: myChoices.includes(index) ? 'positive' : 'default' })),
    useChoiceSet,
    chooseLabel: t(locale, 'polls.card.choose'),
    multiple: poll.multiple,
    choiceItems: poll.options.map((label, index) => ({ title: label, value: String(index) })),
    choiceValue: myChoices.join(','),
    showFeedback: canVote && poll.feedback,
    feedbackLabel: t(locale, 'polls.card.feedbackLabel'),
    feedbackHint: poll.anonymous ? t(locale, 'polls.card.feedbackAnonymous') : '',
    hasFeedbackHint: canVote && poll.feedback && poll.anonymous,
    feedbackValue: mine.kind === 'named' ? mine.comment ?? '' : '',
    feedbackMax: MAX_COMMENT_CHARS,
    submitTitle: t(locale, poll.anonymous ? 'polls.card.voteFinal' : 'polls.card.vote'),
    canWithdraw: open && mine.kind === 'named',
    withdrawTitle: t(locale, 'polls.card.withdraw'),
    showManage: manage && (open || closed),
    manageOpen: manage && open,
    confirmClose: Boolean(personal?.confirmClose) && open,
    closeTitle: t(locale, 'polls.card.close'),
    closeConfirmTitle: t(locale, 'polls.card.closeConfirm'),
    remindTitle: t(locale, poll.anonymous ? 'polls.card.remindAll' : 'polls.card.remindNonVoters'),
    exportTitle: t(locale, 'polls.card.export'),
    hasExportUrl: Boolean(personal?.exportUrl),
    exportUrl: personal?.exportUrl ?? '',
    downloadTitle: t(locale, 'polls.card.download'),
    hasComments: comments.length > 0,
    commentsTitle: t(locale, 'polls.card.feedbackTitle'),
    comments: comments.slice(0, MAX_COMMENTS_ON_CARD).map((c) => ({ author: (c.author ?? t(locale, 'polls.card.anonymousAuthor')) + ': ', text: c.text })),
    hasMoreComments: comments.length > MAX_COMMENTS_ON_CARD,
    moreComments: t(locale, 'polls.card.moreFeedback', { count: comments.length - MAX_COMMENTS_ON_CARD }),
    // Only open polls ask clients to refresh: a closed poll looks the same for everyone.
    hasRefresh: open,
    refreshUserIds: opts.refreshUserIds,
  };
  const card = renderCard('poll', data);
  if (card.refresh == null) delete card.refresh; // `$when` leaves null behind; a card has refresh or none
  return card;
}

export interface DraftGroup {
  id: string;
  name: string;
  hasChannel: boolean;
  /** the linked channel's name, when Teams told it */
  channelName?: string | null;
}

export interface DraftView {
  poll: PollRecord;
  /** what the coordinator just submitted, when it had problems (so nothing typed is lost) */
  form?: DraftForm;
  problems: Problem[];
  privacyFindings: boolean;
  notice?: string;
  /** groups the coordinator may address (admins: all) */
  groups: DraftGroup[];
  /** the draft is in the coordinator's personal chat, where a poll would reach nobody: only channels are offered */
  personalChat?: boolean;
  /** the group named in the "how to link a channel" hint */
  linkHintGroup?: string;
}

/**
 * Where the poll can be posted. In a personal chat "here" is not offered (nobody else would see it);
 * without a linked channel there is then nothing to choose, and the card says how to link one.
 */
function targetChoices(view: DraftView, locale: Locale): { title: string; value: string }[] {
  const channels = view.groups.filter((g) => g.hasChannel).map((g) => ({
    title: t(locale, g.channelName ? 'polls.draft.target.groupNamed' : 'polls.draft.target.group', { group: g.name, channel: g.channelName ?? '' }),
    value: `group:${g.id}`,
  }));
  return view.personalChat ? channels : [{ title: t(locale, 'polls.draft.target.here'), value: 'here' }, ...channels];
}

/**
 * The date parser's own messages that are about the date itself (not about its `plan` command), so they
 * read well under a poll deadline too.
 */
const CAUSES_SHOWN = new Set(['meetings.date.weekdayMismatch', 'meetings.date.volgendeAmbiguous', 'meetings.date.yearMoved', 'meetings.date.invalid']);

export function problemText(locale: Locale, p: Problem): string {
  const own = t(locale, p.code, p.params ?? {});
  // Another feature's more precise reason (e.g. "27 november is a Friday, not a Monday") when it has one.
  if (p.cause && CAUSES_SHOWN.has(p.cause.code) && hasMessage(p.cause.code)) return `${own} ${t(locale, p.cause.code, p.cause.params)}`;
  return own;
}

export function draftCard(view: DraftView, locale: Locale): Record<string, unknown> {
  const { poll, form } = view;
  const targets = targetChoices(view, locale);
  const wanted = form ? form.target || 'here' : formatTarget(poll.target);
  // the list shows what will happen: a choice no longer offered (a channel unlinked since) becomes the first one
  const targetValue = targets.some((c) => c.value === wanted) ? wanted : targets[0]?.value ?? '';
  const groupIds = form ? form.groups : poll.audienceGroupIds.join(',');
  const deadlineText = form ? form.deadline : poll.deadline ? formatWhen(poll.deadline, locale) : '';
  const data = {
    pollId: poll.id,
    title: t(locale, 'polls.draft.title', { id: poll.id }),
    intro: t(locale, 'polls.draft.intro'),
    hasNotice: Boolean(view.notice),
    notice: view.notice ?? '',
    hasProblems: view.problems.length > 0,
    problemsTitle: t(locale, 'polls.draft.problems'),
    problems: view.problems.map((p) => ({ text: '• ' + problemText(locale, p) })),
    questionLabel: t(locale, 'polls.draft.questionLabel'),
    question: form ? form.question : poll.question,
    optionsLabel: t(locale, 'polls.draft.optionsLabel'),
    options: form ? form.options : poll.options.join('\n'),
    modeLabel: t(locale, 'polls.draft.modeLabel'),
    mode: form ? form.mode || 'single' : poll.multiple ? 'multiple' : 'single',
    modeSingle: t(locale, 'polls.draft.mode.single'),
    modeMultiple: t(locale, 'polls.draft.mode.multiple'),
    secrecyLabel: t(locale, 'polls.draft.secrecyLabel'),
    secrecy: form ? form.secrecy || 'named' : poll.anonymous ? 'anonymous' : 'named',
    secrecyNamed: t(locale, 'polls.draft.secrecy.named'),
    secrecyAnonymous: t(locale, 'polls.draft.secrecy.anonymous'),
    resultsLabel: t(locale, 'polls.draft.resultsLabel'),
    results: form ? form.results || 'live' : poll.resultsLive ? 'live' : 'afterClose',
    resultsLive: t(locale, 'polls.draft.results.live'),
    resultsAfterClose: t(locale, 'polls.draft.results.afterClose'),
    feedbackToggle: t(locale, 'polls.draft.feedbackToggle'),
    feedback: form ? (form.feedback === 'true' ? 'true' : 'false') : poll.feedback ? 'true' : 'false',
    deadlineLabel: t(locale, 'polls.draft.deadlineLabel'),
    deadline: deadlineText,
    hasDeadline: !form && Boolean(poll.deadline),
    deadlineUnderstood: poll.deadline ? t(locale, 'polls.draft.deadlineUnderstood', { when: formatWhen(poll.deadline, locale) }) : '',
    audienceLabel: t(locale, 'polls.draft.audienceLabel'),
    audience: form ? form.audience || 'raad' : poll.audience,
    audienceRaad: t(locale, 'polls.draft.audience.raad'),
    audienceGroups: t(locale, 'polls.draft.audience.groups'),
    audienceAll: t(locale, 'polls.draft.audience.all'),
    hasGroups: view.groups.length > 0,
    groupsLabel: t(locale, 'polls.draft.groupsLabel'),
    groupChoices: view.groups.map((g) => ({ title: g.name, value: g.id })),
    groups: groupIds,
    targetLabel: t(locale, 'polls.draft.targetLabel'),
    target: targetValue,
    targetChoices: targets,
    hasTargets: targets.length > 0,
    hasTargetHint: Boolean(view.personalChat),
    targetHint: view.personalChat
      ? targets.length ? t(locale, 'polls.draft.targetPersonal') : t(locale, 'polls.draft.noChannelYet', { group: view.linkHintGroup ?? '‹wijkgroep›' })
      : '',
    targetHintColor: targets.length ? 'Default' : 'Warning',
    privacyFindings: view.privacyFindings,
    privacyOkTitle: t(locale, 'polls.draft.privacyOk'),
    saveTitle: t(locale, 'polls.draft.save'),
    publishTitle: t(locale, 'polls.draft.publish'),
    discardTitle: t(locale, 'polls.draft.discard'),
  };
  return renderCard('pollDraft', data);
}

export function closedAnnouncement(snap: PollSnapshot, locale: Locale): Record<string, unknown> {
  const { poll } = snap;
  const results = optionResults(poll.options, snap.counts, snap.voters, poll.multiple);
  const leaders = results.filter((r) => r.leading).map((r) => r.label);
  const lines = [
    t(locale, 'polls.closed.line', { question: markdownInert(poll.question), turnout: turnoutLine(snap.voters, poll.eligibleCount, locale) }),
    ...(leaders.length ? [t(locale, 'polls.closed.winner', { options: markdownInert(leaders.join(', ')) })] : []),
  ];
  return messageCard(t(locale, 'polls.closed.title', { id: poll.id }), lines, 'good');
}
