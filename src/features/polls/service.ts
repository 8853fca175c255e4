/**
 * Klankbord polls, the use-cases after publishing: vote (change, withdraw) → close → remind/export.
 * Drafting and publishing are in drafts.ts (PollDrafts).
 *
 * Who may do what (checked here, server-side, on every call; card data never decides; see permissions.ts):
 * - close, remind, export: the poll's creator while still a coordinator, or an admin;
 * - vote: the electorate fixed at publish (PollElector), identified by the person the activity belongs to.
 *
 * Correctness under concurrent clicks comes from the database, not from timing: one ballot per
 * (poll, voter) is a primary key; every vote runs in one transaction whose first statement only matches
 * an open poll before its deadline, so a vote after the close (or racing with it) changes nothing.
 */
import type { Db } from '../../db/client';
import type { PreparedSqlite } from '../../db/preparedSqlite';
import { auditActor, recordAudit } from '../audit/auditLog';
import { DomainError } from '../errors';
import type { Actor } from '../groups/types';
import { checkPrivacy, describeFindings } from '../../privacy/privacyGuard';
import { voterKey } from './anonymity';
import { countsFrom } from './tally';
import { PollViewReads } from './viewReads';
import { VoteStore } from './voteStore';
import { voteFrom, type DraftForm, type Problem } from './parse';
import { canCreatePolls, canManagePoll, manageRefusal } from './permissions';
import * as repo from './repository';
import {
  MAX_COMMENTS_ON_CARD, RETENTION_AFTER_CLOSE_MS,
  type FrozenResult, type MyBallot, type PollRecord, type PollSnapshot,
} from './types';

export const CLOSE_JOB = 'poll.close';
export const PURGE_JOB = 'poll.purge';
/** One reminder to one person: durable, so a restart in the middle of a round does not lose the rest. */
export const REMIND_JOB = 'poll.remindPerson';
export const closeJobKey = (pollId: number) => `poll.close:${pollId}`;
export const purgeJobKey = (pollId: number) => `poll.purge:${pollId}`;

/** How long a poll row is reused between clicks; the status in it is a hint only (see voteStore.ts: the open-poll guard). */
const POLL_CACHE_MS = 2_000;
const CACHE_MAX_POLLS = 200;
/** Reminders are a nudge, not a stream: one round per poll per hour. */
export const REMIND_COOLDOWN_MS = 60 * 60_000;

export interface PollJobs {
  schedule(kind: string, uniqueKey: string, runAt: Date, payload: Record<string, unknown>): Promise<void>;
  cancel(uniqueKey: string): Promise<void>;
}

export interface PollsDeps {
  db: Db;
  clock: () => Date;
  /** server secret: keys ballots (see anonymity.ts) and signs export links */
  secret: string;
  jobs: PollJobs;
  /** the embedded database's fast lane for votes; without it (or on PostgreSQL) votes go through Prisma */
  sqlite?: PreparedSqlite;
}

export type VoteOutcome = 'recorded' | 'changed' | 'unchanged' | 'alreadyVoted' | 'withdrawn' | 'nothingToWithdraw' | 'closed';

export interface VoterView {
  snapshot: PollSnapshot;
  mine: MyBallot;
  eligible: boolean;
  canManage: boolean;
}

export class PollsService {
  private readonly votes: VoteStore;
  /** counts, turnout and own ballot for a view of a running poll (fast lane on the embedded database) */
  private readonly reads: PollViewReads;

  constructor(private readonly deps: PollsDeps) {
    this.votes = new VoteStore(deps.db, deps.sqlite ?? null);
    this.reads = new PollViewReads(deps.db, deps.sqlite ?? null);
  }

  private get db(): Db {
    return this.deps.db;
  }

  // ---- permissions -----------------------------------------------------------------------------------

  canCreate(actor: Pick<Actor, 'roles' | 'personId'>): boolean {
    return canCreatePolls(actor);
  }

  canManage(actor: Pick<Actor, 'roles' | 'personId'>, poll: Pick<PollRecord, 'creatorId' | 'creatorName'>): boolean {
    return canManagePoll(actor, poll);
  }

  private async requirePoll(pollId: number): Promise<PollRecord> {
    const poll = await repo.findPoll(this.db, pollId);
    if (!poll) throw new DomainError('polls.notFound', { id: pollId });
    return poll;
  }

  // ---- voting ----------------------------------------------------------------------------------------
  //
  // The hot path of a vote storm. Per click: the poll definition and the electorate come from memory
  // (both are fixed once published; the cached status is only a hint, the transaction's guard decides),
  // and the vote, the voter's previous choice and the new counts are one batch transaction. So a click
  // costs one transaction, and the voter's view needs no further reads.

  // Both caches hold promises, so the first clicks of a storm share one load instead of each loading
  // the electorate (a thundering herd that made the first hundred clicks wait seconds in the benchmark).
  /** Fixed after publish, so cached for good (a bounded number of polls). */
  private readonly electorCache = new Map<number, Promise<Set<string>>>();
  /** Poll rows for a short while: the status in it is a hint; writes are guarded by the database. */
  private readonly pollCache = new Map<number, { poll: Promise<PollRecord>; at: number }>();

  private cachedPoll(pollId: number): Promise<PollRecord> {
    const hit = this.pollCache.get(pollId);
    if (hit && Date.now() - hit.at < POLL_CACHE_MS) return hit.poll;
    const poll = this.requirePoll(pollId);
    if (this.pollCache.size >= CACHE_MAX_POLLS) this.pollCache.delete(this.pollCache.keys().next().value!);
    this.pollCache.set(pollId, { poll, at: Date.now() });
    // drafts change and failed loads must not stick
    poll.then((p) => (p.status === 'open' || p.status === 'closed' ? undefined : this.forget(pollId)), () => this.forget(pollId));
    return poll;
  }

  /**
   * The poll as the vote path sees it (read at most POLL_CACHE_MS ago), or null when there is none: what a
   * refusal shows the poll with, so a storm of refused clicks does not read the row once per click.
   */
  async recentPoll(pollId: number): Promise<PollRecord | null> {
    try {
      return await this.cachedPoll(pollId);
    } catch (err) {
      if (err instanceof DomainError && err.code === 'polls.notFound') return null;
      throw err;
    }
  }

  private forget(pollId: number): void {
    this.pollCache.delete(pollId);
  }

  private electors(pollId: number): Promise<Set<string>> {
    let set = this.electorCache.get(pollId);
    if (!set) {
      set = this.db.pollElector.findMany({ where: { pollId }, select: { personId: true } }).then((rows) => new Set(rows.map((e) => e.personId)));
      if (this.electorCache.size >= CACHE_MAX_POLLS) this.electorCache.delete(this.electorCache.keys().next().value!);
      this.electorCache.set(pollId, set);
      set.catch(() => this.electorCache.delete(pollId));
    }
    return set;
  }

  private async requireElector(actor: Actor, poll: PollRecord): Promise<string> {
    const personId = actor.personId;
    if (!personId || !(await this.electors(poll.id)).has(personId)) throw new DomainError('polls.vote.notEligible');
    return personId;
  }

  async vote(actor: Actor, pollId: number, data: Record<string, unknown>): Promise<{ outcome: VoteOutcome; poll: PollRecord; view?: VoterView }> {
    const poll = await this.cachedPoll(pollId);
    if (poll.status === 'draft' || poll.status === 'publishing') throw new DomainError('polls.notOpenYet');
    if (poll.status === 'closed') return { outcome: 'closed', poll };
    const personId = await this.requireElector(actor, poll);
    const input = voteFrom(data, poll.options.length, poll.multiple);
    if (input.feedback && !poll.feedback) input.feedback = null;
    if (input.feedback) {
      const findings = checkPrivacy(input.feedback, { referenceDate: this.deps.clock() }).findings;
      if (findings.length) throw new DomainError('polls.vote.feedbackPrivacy', { finding: describeFindings(findings, actor.locale)[0] });
    }
    const canManage = this.canManage(actor, poll);
    // The transaction's last statement is the open-poll guard: it matches only an open poll before its
    // deadline, else nothing of the vote is kept. Last, not first: it takes the poll's row lock, which every
    // vote needs, so it is held only until the commit that follows; on PostgreSQL, with votes truly
    // concurrent, a guard taken first made each vote wait for every earlier vote's whole transaction (seen:
    // 5 s timeouts at 60 votes split over two instances). The first statement is still a write (the
    // ballot), so SQLite takes its write lock at once. See voteStore.ts.
    const written = await this.votes.write({
      pollId: poll.id, voterKey: voterKey(this.deps.secret, poll.id, personId), personId,
      anonymous: poll.anonymous, multiple: poll.multiple, choices: input.choices, feedback: input.feedback, now: this.deps.clock(),
    });
    if (written.kind === 'duplicate') return { outcome: 'alreadyVoted', poll };
    if (written.kind === 'closed') {
      this.forget(pollId);
      return { outcome: 'closed', poll: await this.requirePoll(pollId) };
    }
    const counts = countsFrom(poll.options.length, written.counts);
    // single choice: every ballot holds exactly one vote, so the voters are the sum
    const snapshot: PollSnapshot = { poll, counts, voters: written.voters ?? counts.reduce((a, b) => a + b, 0), comments: [] };
    if (poll.anonymous) return { outcome: 'recorded', poll, view: { snapshot, mine: { kind: 'anonymous' }, eligible: true, canManage } };
    const outcome: VoteOutcome = !written.before.length ? 'recorded' : sameChoices(written.before, input.choices) && !input.feedback ? 'unchanged' : 'changed';
    return { outcome, poll, view: { snapshot, mine: { kind: 'named', choices: input.choices, comment: written.comment }, eligible: true, canManage } };
  }

  async withdraw(actor: Actor, pollId: number): Promise<{ outcome: VoteOutcome; poll: PollRecord }> {
    const poll = await this.cachedPoll(pollId);
    if (poll.status === 'closed') return { outcome: 'closed', poll };
    if (poll.status !== 'open') throw new DomainError('polls.notOpenYet');
    const personId = await this.requireElector(actor, poll);
    if (poll.anonymous) throw new DomainError('polls.vote.anonymousFinal');
    const key = voterKey(this.deps.secret, poll.id, personId);
    const removed = await this.votes.withdraw(poll.id, key, personId, this.deps.clock());
    if (removed === 'closed') {
      this.forget(pollId);
      return { outcome: 'closed', poll: await this.requirePoll(pollId) };
    }
    return { outcome: removed ? 'withdrawn' : 'nothingToWithdraw', poll };
  }

  /** The acting person's own ballot: choices for named polls; for anonymous ones only whether they voted. */
  async myBallot(actor: Pick<Actor, 'personId'>, poll: PollRecord): Promise<MyBallot> {
    if (!actor.personId || poll.status === 'draft' || poll.status === 'publishing') return { kind: 'none' };
    return this.reads.myBallot(poll, voterKey(this.deps.secret, poll.id, actor.personId), actor.personId);
  }

  async isElector(actor: Pick<Actor, 'personId'>, pollId: number): Promise<boolean> {
    return Boolean(actor.personId) && (await this.electors(pollId)).has(actor.personId!);
  }

  /** The poll as one person sees it: the shared facts plus their own ballot and controls. */
  async viewFor(actor: Actor, pollId: number, poll?: PollRecord): Promise<VoterView> {
    const p = poll ?? (await this.cachedPoll(pollId));
    if (p.status === 'draft' || p.status === 'publishing') throw new DomainError('polls.notOpenYet');
    const [snapshot, mine, eligible] = await Promise.all([this.snapshot(p), this.myBallot(actor, p), this.isElector(actor, p.id)]);
    return { snapshot, mine, eligible, canManage: this.canManage(actor, p) };
  }

  /**
   * Counts, turnout and (for closed polls, or on request) feedback. A closed poll shows its frozen result,
   * not a recount: what was announced at the close is what stays.
   */
  async snapshot(pollOrId: PollRecord | number, opts: { withComments?: boolean } = {}): Promise<PollSnapshot> {
    const poll = typeof pollOrId === 'number' ? await this.requirePoll(pollOrId) : pollOrId;
    const withComments = opts.withComments ?? poll.status === 'closed';
    const comments = withComments ? (await repo.comments(this.db, poll)).slice(0, MAX_COMMENTS_ON_CARD * 25) : [];
    if (poll.status === 'closed' && poll.result) return { poll, counts: poll.result.counts, voters: poll.result.voters, comments };
    const counts = await this.reads.counts(poll);
    // single choice: one vote per ballot, so the voters are the sum (one query fewer per view)
    const voters = poll.multiple ? await this.reads.voters(poll.id) : counts.reduce((a, b) => a + b, 0);
    return { poll, counts, voters, comments };
  }

  /**
   * The export: the same rule as the card. Results, choices and feedback only once they are visible
   * (closed, or live results on a named poll); before that, the turnout alone. So the CSV of an anonymous
   * poll can never be diffed vote by vote while it runs.
   */
  async exportSnapshot(poll: PollRecord): Promise<{ snapshot: PollSnapshot; namedVotes: { name: string; choices: number[] }[]; resultsVisible: boolean }> {
    const resultsVisible = poll.status === 'closed' || poll.resultsLive;
    const snapshot = await this.snapshot(poll, { withComments: resultsVisible });
    return { snapshot, namedVotes: resultsVisible ? await this.namedVotes(poll) : [], resultsVisible };
  }

  // ---- closing ---------------------------------------------------------------------------------------

  /**
   * Closes an open poll exactly once (a conditional update: of two racing closers only one matches),
   * freezes the result into the poll row and the audit trail, and plans the retention purge.
   * by = the acting person (`sluit peiling`), or 'deadline' (the durable job).
   */
  async close(pollId: number, by: Actor | 'deadline'): Promise<{ closed: boolean; poll: PollRecord }> {
    const poll = await this.requirePoll(pollId);
    const refused = by === 'deadline' ? null : manageRefusal(by, poll, 'polls.close.notAllowed');
    if (refused) throw refused;
    if (poll.status === 'draft' || poll.status === 'publishing') throw new DomainError('polls.notOpenYet');
    const now = this.deps.clock();
    const frozen = await this.db.$transaction(async (tx): Promise<FrozenResult | null> => {
      const { count } = await tx.poll.updateMany({
        where: { id: pollId, status: 'open' },
        data: { status: 'closed', closedAt: now, closedBy: by === 'deadline' ? 'deadline' : by.name },
      });
      if (count !== 1) return null;
      const result: FrozenResult = { counts: await repo.currentCounts(tx, poll), voters: await repo.countVoters(tx, pollId), eligible: poll.eligibleCount };
      await tx.poll.update({ where: { id: pollId }, data: { result: JSON.stringify(result) } });
      await recordAudit(tx, {
        ...(by === 'deadline' ? { actorId: null, actorLabel: 'systeem (deadline)' } : auditActor(by)),
        action: 'poll.close', entityType: 'Poll', entityId: String(pollId),
        details: { reason: by === 'deadline' ? 'deadline' : 'manual', ...result },
      });
      return result;
    });
    this.forget(pollId);
    if (frozen) {
      if (by !== 'deadline') await this.deps.jobs.cancel(closeJobKey(pollId));
      await this.deps.jobs.schedule(PURGE_JOB, purgeJobKey(pollId), new Date(now.getTime() + RETENTION_AFTER_CLOSE_MS), { pollId });
    }
    return { closed: Boolean(frozen), poll: await this.requirePoll(pollId) };
  }

  /** true for exactly one caller: that one posts the close in the channel (and releases on failure). */
  async claimAnnouncement(pollId: number): Promise<boolean> {
    const { count } = await this.db.poll.updateMany({ where: { id: pollId, status: 'closed', announcedAt: null }, data: { announcedAt: this.deps.clock() } });
    return count === 1;
  }

  async releaseAnnouncement(pollId: number): Promise<void> {
    await this.db.poll.updateMany({ where: { id: pollId }, data: { announcedAt: null } });
  }

  async isAnnounced(pollId: number): Promise<boolean> {
    return Boolean((await this.db.poll.findUnique({ where: { id: pollId }, select: { announcedAt: true } }))?.announcedAt);
  }

  // ---- reminders, export, retention ------------------------------------------------------------------

  /**
   * Whom a reminder goes to. Named polls: the electors without a ballot. Anonymous polls: everyone in
   * the electorate — looking up who has not voted would mean matching people against ballots.
   */
  async remindTargets(actor: Actor, pollId: number): Promise<{ poll: PollRecord; personIds: string[]; everyone: boolean }> {
    const poll = await this.requirePoll(pollId);
    const refused = manageRefusal(actor, poll);
    if (refused) throw refused;
    if (poll.status !== 'open') throw new DomainError('polls.remind.notOpen');
    const electors = (await this.db.pollElector.findMany({ where: { pollId }, select: { personId: true } })).map((e) => e.personId);
    if (poll.anonymous) return { poll, personIds: electors, everyone: true };
    const voted = new Set((await this.db.pollBallot.findMany({ where: { pollId }, select: { personId: true } })).map((b) => b.personId));
    return { poll, personIds: electors.filter((id) => !voted.has(id)), everyone: false };
  }

  /**
   * One reminder round per cooldown: a conditional update claims it, so a double click or a Teams retry
   * does not message everyone twice. In the same transaction, a durable job per person to remind (so
   * a restart mid-round loses no one) and the audit line.
   */
  async claimReminder(actor: Actor, pollId: number, round: { reachable: string[]; unreachable: number; everyone: boolean }): Promise<void> {
    const now = this.deps.clock();
    await this.db.$transaction(async (tx) => {
      const { count } = await tx.poll.updateMany({
        where: { id: pollId, status: 'open', OR: [{ lastRemindedAt: null }, { lastRemindedAt: { lt: new Date(now.getTime() - REMIND_COOLDOWN_MS) } }] },
        data: { lastRemindedAt: now },
      });
      if (count !== 1) throw new DomainError('polls.remind.tooSoon', { minutes: Math.round(REMIND_COOLDOWN_MS / 60_000) });
      const payload = (personId: string) => JSON.stringify({ pollId, personId, everyone: round.everyone, by: actor.name });
      await tx.job.createMany({
        data: round.reachable.map((personId) => ({ kind: REMIND_JOB, uniqueKey: `poll.remind:${pollId}:${now.getTime()}:${personId}`, runAt: now, payload: payload(personId) })),
      });
      await recordAudit(tx, { ...auditActor(actor), action: 'poll.remind', entityType: 'Poll', entityId: String(pollId), details: { reachable: round.reachable.length, unreachable: round.unreachable } });
    });
  }

  /** Whether this person has voted: a named poll's ballot, or the anonymous ballot key (never the choice). */
  async hasVoted(personId: string, poll: PollRecord): Promise<boolean> {
    return (await this.myBallot({ personId }, poll)).kind !== 'none';
  }

  async requireManager(actor: Pick<Actor, 'roles' | 'personId'>, pollId: number): Promise<PollRecord> {
    const poll = await this.requirePoll(pollId);
    const refused = manageRefusal(actor, poll);
    if (refused) throw refused;
    return poll;
  }

  /** Named polls: who chose what (for the creator's export). Anonymous polls have no such list. */
  async namedVotes(poll: PollRecord): Promise<{ name: string; choices: number[] }[]> {
    if (poll.anonymous) return [];
    const votes = await this.db.pollVote.findMany({ where: { pollId: poll.id }, select: { personId: true, option: true } });
    const names = await repo.personNames(this.db, votes.map((v) => v.personId));
    const byPerson = new Map<string, number[]>();
    for (const v of votes) byPerson.set(v.personId, [...(byPerson.get(v.personId) ?? []), v.option]);
    return [...byPerson.entries()]
      .map(([id, choices]) => ({ name: names.get(id) ?? '?', choices: choices.sort((a, b) => a - b) }))
      .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  }

  /** Retention: a year after closing, ballots, votes, feedback and the electorate go; the frozen totals stay. */
  async purge(pollId: number): Promise<void> {
    await this.db.$transaction([
      this.db.pollVote.deleteMany({ where: { pollId } }),
      this.db.pollBallot.deleteMany({ where: { pollId } }),
      this.db.pollAnonymousComment.deleteMany({ where: { pollId } }),
      this.db.pollTally.deleteMany({ where: { pollId } }),
      this.db.pollElector.deleteMany({ where: { pollId } }),
    ]);
  }

  /** Open polls the person may vote in or manages, newest first (for `peilingen`). */
  async openPollsFor(actor: Actor): Promise<{ poll: PollRecord; eligible: boolean; manages: boolean }[]> {
    const rows = await this.db.poll.findMany({ where: { status: 'open' }, orderBy: { id: 'desc' }, take: 50 });
    const mine = actor.personId
      ? new Set((await this.db.pollElector.findMany({ where: { personId: actor.personId, pollId: { in: rows.map((r) => r.id) } }, select: { pollId: true } })).map((e) => e.pollId))
      : new Set<number>();
    return rows
      .map(repo.toRecord)
      .map((poll) => ({ poll, eligible: mine.has(poll.id), manages: this.canManage(actor, poll) }))
      .filter((x) => x.eligible || x.manages);
  }

  /** The caller's open polls, to close or remind without typing a number when there is just one. */
  async onlyOpenPollOf(actor: Actor): Promise<number | null> {
    if (!actor.personId) return null;
    const rows = await this.db.poll.findMany({ where: { status: 'open', creatorId: actor.personId }, select: { id: true }, take: 2 });
    return rows.length === 1 ? rows[0].id : null;
  }
}

function sameChoices(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

export type { DraftForm, Problem };
