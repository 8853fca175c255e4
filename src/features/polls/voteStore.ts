/**
 * Writing one vote: the hot path of a vote storm. One transaction per click holds the ballot, the choice
 * (named: the voter's vote rows; anonymous: the counters), the new counts for the voter's own view, and
 * last the open-poll guard (see PollsService.vote for why last).
 *
 * Two ways to run that same transaction:
 * - on the embedded database, the fast lane (db/preparedSqlite.ts): the statements below, prepared once,
 *   in one BEGIN IMMEDIATE … COMMIT that never yields to the event loop. Through Prisma the same vote
 *   cost a fresh connection (with its schema read), two pragmas and six to seven compiled statements:
 *   in a 600-click storm ~50% of the CPU profile was Prisma and libsql.
 * - Prisma's batch transaction otherwise: PostgreSQL, or when the fast lane answers undefined (the write
 *   lock is held elsewhere, or a statement was refused: Prisma then reports it as it always did).
 * Both give the same rows and the same answer; the tests run the Prisma path on PostgreSQL.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client';
import { isUniqueViolation } from '../../db/client';
import { sqliteTimestamp, type PreparedSqlite, type Statements } from '../../db/preparedSqlite';
import { ANONYMOUS_COUNTS, MY_CHOICES, NAMED_COUNTS, VOTERS } from './viewReads';

export interface VoteWrite {
  pollId: number;
  voterKey: string;
  personId: string;
  anonymous: boolean;
  multiple: boolean;
  /** distinct, ascending (parse.ts voteFrom) */
  choices: number[];
  feedback: string | null;
  now: Date;
}

export type OptionCount = { option: number; count: number };

export type VoteWritten =
  /** `before`: the named voter's previous choices; `voters`: counted ballots (multiple choice only) */
  | { kind: 'written'; before: number[]; comment: string | null; counts: OptionCount[]; voters: number | null }
  /** anonymous: this voter's ballot was already there, so nothing of this vote was kept */
  | { kind: 'duplicate' }
  /** the poll is closed or past its deadline (the guard matched nothing); nothing was kept */
  | { kind: 'closed' };

export class VoteStore {
  constructor(
    private readonly db: Db,
    private readonly sqlite: PreparedSqlite | null,
  ) {}

  async write(v: VoteWrite): Promise<VoteWritten> {
    const fast = this.sqlite?.transaction((s) => (v.anonymous ? anonymousFast(s, v) : namedFast(s, v)));
    if (fast !== undefined) return fast;
    try {
      return await (v.anonymous ? this.anonymousPrisma(v) : this.namedPrisma(v));
    } catch (err) {
      if (isUniqueViolation(err)) return { kind: 'duplicate' };
      if (isNotFound(err)) return { kind: 'closed' };
      throw err;
    }
  }

  /** matches only an open poll before its deadline (else P2025, and the whole batch is rolled back) */
  private openGuard(pollId: number, now: Date) {
    return this.db.poll.update({
      where: { id: pollId, status: 'open', OR: [{ deadline: null }, { deadline: { gt: now } }] },
      data: { changes: { increment: 1 } },
      select: { id: true },
    });
  }

  private votersQuery(v: VoteWrite) {
    return v.multiple ? [this.db.pollBallot.count({ where: { pollId: v.pollId } })] : [];
  }

  private async anonymousPrisma(v: VoteWrite): Promise<VoteWritten> {
    // the ballot's primary key refuses a second vote (P2002), and then nothing of this batch is kept
    const results = await this.db.$transaction([
      this.db.pollBallot.create({ data: { pollId: v.pollId, voterKey: v.voterKey }, select: { pollId: true } }),
      ...(v.feedback ? [this.db.pollAnonymousComment.create({ data: { id: randomUUID(), pollId: v.pollId, text: v.feedback }, select: { pollId: true } })] : []),
      // counters in option order: two multiple-choice votes never wait for each other crosswise
      ...v.choices.map((option) =>
        this.db.pollTally.update({ where: { pollId_option: { pollId: v.pollId, option } }, data: { count: { increment: 1 } }, select: { option: true } })),
      this.db.pollTally.findMany({ where: { pollId: v.pollId }, select: { option: true, count: true } }),
      ...this.votersQuery(v),
      this.openGuard(v.pollId, v.now),
    ]);
    const tail = results.slice(results.length - 2 - (v.multiple ? 1 : 0), results.length - 1);
    return { kind: 'written', before: [], comment: null, counts: tail[0] as OptionCount[], voters: v.multiple ? (tail[1] as number) : null };
  }

  private async namedPrisma(v: VoteWrite): Promise<VoteWritten> {
    // the previous choice is read inside the transaction (for the notice); the ballot upsert takes the
    // voter's row, so two concurrent changes by one person are applied one after the other, never both
    const results = await this.db.$transaction([
      this.db.pollBallot.upsert({
        where: { pollId_voterKey: { pollId: v.pollId, voterKey: v.voterKey } },
        create: { pollId: v.pollId, voterKey: v.voterKey, personId: v.personId, comment: v.feedback },
        update: v.feedback ? { comment: v.feedback } : { personId: v.personId },
        select: { comment: true },
      }),
      this.db.pollVote.findMany({ where: { pollId: v.pollId, personId: v.personId }, select: { option: true }, orderBy: { option: 'asc' } }),
      this.db.pollVote.deleteMany({ where: { pollId: v.pollId, personId: v.personId } }),
      this.db.pollVote.createMany({ data: v.choices.map((option) => ({ pollId: v.pollId, personId: v.personId, option })) }),
      this.db.pollVote.groupBy({ by: ['option'], where: { pollId: v.pollId }, _count: { _all: true }, orderBy: { option: 'asc' } }),
      ...this.votersQuery(v),
      this.openGuard(v.pollId, v.now),
    ]);
    const groups = results[4] as { option: number; _count: { _all: number } }[];
    return {
      kind: 'written',
      before: (results[1] as { option: number }[]).map((r) => r.option),
      comment: (results[0] as { comment: string | null }).comment,
      counts: groups.map((g) => ({ option: g.option, count: g._count._all })),
      voters: v.multiple ? (results[5] as number) : null,
    };
  }

  /** Named polls: the ballot and its votes go, unless the poll closed meanwhile; true when there was a ballot. */
  async withdraw(pollId: number, voterKey: string, personId: string, now: Date): Promise<boolean | 'closed'> {
    try {
      const [, removed] = await this.db.$transaction([
        this.openGuard(pollId, now),
        this.db.pollBallot.deleteMany({ where: { pollId, voterKey } }),
        this.db.pollVote.deleteMany({ where: { pollId, personId } }),
      ]);
      return removed.count > 0;
    } catch (err) {
      if (isNotFound(err)) return 'closed';
      throw err;
    }
  }
}

// ---- the fast lane: the same transaction as plain SQL (portable quoting; run on SQLite only) ----------

const GUARD = `UPDATE "Poll" SET "changes" = "changes" + 1 WHERE "id" = ? AND "status" = 'open' AND ("deadline" IS NULL OR "deadline" > ?)`;

function guardMatched(s: Statements, v: VoteWrite): boolean {
  return s.run(GUARD, v.pollId, sqliteTimestamp(v.now)).changes === 1;
}

function voters(s: Statements, v: VoteWrite): number | null {
  return v.multiple ? s.get<{ n: number }>(VOTERS, v.pollId)!.n : null;
}

const CLOSED = { commit: false, result: { kind: 'closed' } } as const;

function anonymousFast(s: Statements, v: VoteWrite): { commit: boolean; result: VoteWritten } {
  if (s.run('INSERT INTO "PollBallot" ("pollId", "voterKey") VALUES (?, ?) ON CONFLICT DO NOTHING', v.pollId, v.voterKey).changes === 0) {
    return { commit: false, result: { kind: 'duplicate' } };
  }
  if (v.feedback) s.run('INSERT INTO "PollAnonymousComment" ("id", "pollId", "text") VALUES (?, ?, ?)', randomUUID(), v.pollId, v.feedback);
  for (const option of v.choices) {
    // no counter row for the option: Prisma's update says "not found", which the service reads as closed
    if (s.run('UPDATE "PollTally" SET "count" = "count" + 1 WHERE "pollId" = ? AND "option" = ?', v.pollId, option).changes === 0) return CLOSED;
  }
  const counts = s.all<OptionCount>(ANONYMOUS_COUNTS, v.pollId);
  const n = voters(s, v);
  if (!guardMatched(s, v)) return CLOSED;
  return { commit: true, result: { kind: 'written', before: [], comment: null, counts, voters: n } };
}

function namedFast(s: Statements, v: VoteWrite): { commit: boolean; result: VoteWritten } {
  const keep = v.feedback ? '"comment" = excluded."comment"' : '"personId" = excluded."personId"';
  const ballot = s.get<{ comment: string | null }>(
    `INSERT INTO "PollBallot" ("pollId", "voterKey", "personId", "comment") VALUES (?, ?, ?, ?) ON CONFLICT ("pollId", "voterKey") DO UPDATE SET ${keep} RETURNING "comment"`,
    v.pollId, v.voterKey, v.personId, v.feedback,
  )!;
  const before = s.all<{ option: number }>(MY_CHOICES, v.pollId, v.personId).map((r) => r.option);
  s.run('DELETE FROM "PollVote" WHERE "pollId" = ? AND "personId" = ?', v.pollId, v.personId);
  for (const option of v.choices) s.run('INSERT INTO "PollVote" ("pollId", "personId", "option") VALUES (?, ?, ?)', v.pollId, v.personId, option);
  const counts = s.all<OptionCount>(NAMED_COUNTS, v.pollId);
  const n = voters(s, v);
  if (!guardMatched(s, v)) return CLOSED;
  return { commit: true, result: { kind: 'written', before, comment: ballot.comment, counts, voters: n } };
}

/** Prisma's "record to update not found": here, the open-poll guard did not match (closed or past the deadline). */
export function isNotFound(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: string }).code === 'P2025';
}
