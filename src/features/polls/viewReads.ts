/**
 * The reads behind a person's view of a running poll: the counts, the turnout, and their own ballot.
 *
 * Every click that is not a fresh vote asks them (a repeat on an anonymous poll, someone outside the
 * audience, a refresh), and in a vote storm those clicks came to 100-250 Prisma queries per 600 clicks
 * (node --cpu-prof on `npm run bench -- polls`): each one through the query compiler and the adapter for a
 * statement SQLite answers in microseconds. On the embedded database they therefore go through the fast
 * lane (db/preparedSqlite.ts, as the vote itself does), and through Prisma when the lane cannot answer
 * (PostgreSQL, or the lane refused). Same SQL meaning, same committed rows: a read sees what is committed
 * on either connection.
 */
import type { Db } from '../../db/client';
import type { PreparedSqlite } from '../../db/preparedSqlite';
import * as repo from './repository';
import { countsFrom } from './tally';
import type { Counts, MyBallot, PollRecord } from './types';

type PollKey = Pick<PollRecord, 'id' | 'anonymous' | 'options'>;

// Also read inside a vote's own transaction (voteStore.ts): one text per statement, so one prepared statement.
export const NAMED_COUNTS = 'SELECT "option", COUNT(*) AS "count" FROM "PollVote" WHERE "pollId" = ? GROUP BY "option"';
export const ANONYMOUS_COUNTS = 'SELECT "option", "count" FROM "PollTally" WHERE "pollId" = ?';
export const VOTERS = 'SELECT COUNT(*) AS "n" FROM "PollBallot" WHERE "pollId" = ?';
export const MY_CHOICES = 'SELECT "option" FROM "PollVote" WHERE "pollId" = ? AND "personId" = ? ORDER BY "option"';
const MY_BALLOT = 'SELECT "comment" FROM "PollBallot" WHERE "pollId" = ? AND "voterKey" = ?';

export class PollViewReads {
  constructor(
    private readonly db: Db,
    private readonly sqlite: PreparedSqlite | null,
  ) {}

  /** Current counts: anonymous polls from their counters, named polls by counting vote rows. */
  async counts(poll: PollKey): Promise<Counts> {
    const rows = this.sqlite?.single((s) => s.all<{ option: number; count: number }>(poll.anonymous ? ANONYMOUS_COUNTS : NAMED_COUNTS, poll.id));
    return rows ? countsFrom(poll.options.length, rows) : repo.currentCounts(this.db, poll);
  }

  /** Ballots cast (a multiple-choice ballot may hold several votes). */
  async voters(pollId: number): Promise<number> {
    const n = this.sqlite?.single((s) => s.get<{ n: number }>(VOTERS, pollId)!.n);
    return n ?? repo.countVoters(this.db, pollId);
  }

  /**
   * The person's own ballot. Named: a ballot always has at least one vote row, so the votes say whether
   * and what (the comment only where the poll asks for feedback). Anonymous: only whether they voted.
   */
  async myBallot(poll: Pick<PollRecord, 'id' | 'anonymous' | 'feedback'>, voterKey: string, personId: string): Promise<MyBallot> {
    const fast = this.sqlite?.single((s): MyBallot => {
      if (poll.anonymous) return s.get(MY_BALLOT, poll.id, voterKey) ? { kind: 'anonymous' } : { kind: 'none' };
      const choices = s.all<{ option: number }>(MY_CHOICES, poll.id, personId).map((r) => r.option);
      if (!choices.length) return { kind: 'none' };
      const comment = poll.feedback ? s.get<{ comment: string | null }>(MY_BALLOT, poll.id, voterKey)?.comment ?? null : null;
      return { kind: 'named', choices, comment };
    });
    return fast ?? this.myBallotPrisma(poll, voterKey, personId);
  }

  private async myBallotPrisma(poll: Pick<PollRecord, 'id' | 'anonymous' | 'feedback'>, voterKey: string, personId: string): Promise<MyBallot> {
    const where = { pollId_voterKey: { pollId: poll.id, voterKey } };
    if (poll.anonymous) return (await this.db.pollBallot.findUnique({ where, select: { pollId: true } })) ? { kind: 'anonymous' } : { kind: 'none' };
    const votes = await this.db.pollVote.findMany({ where: { pollId: poll.id, personId }, select: { option: true }, orderBy: { option: 'asc' } });
    if (!votes.length) return { kind: 'none' };
    const comment = poll.feedback ? (await this.db.pollBallot.findUnique({ where, select: { comment: true } }))?.comment ?? null : null;
    return { kind: 'named', choices: votes.map((v) => v.option), comment };
  }
}
