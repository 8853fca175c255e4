/**
 * How anonymous polls stay anonymous, and why one vote per person still holds.
 *
 * - The ballot row's key is HMAC-SHA256(appSecret, "ballot:<pollId>:<personId>"). The primary key
 *   (pollId, voterKey) makes a second ballot impossible, so repeated and concurrent clicks count once.
 *   Without the server secret the key does not even say who took part; with it, someone can test
 *   whether a given person voted (that is participation, which Teams' own logs also show), never what.
 * - The choice is only ever added to a per-option counter (PollTally) in the same transaction that
 *   inserts the ballot. Counters have no timestamps and no ballot id; ballots have no choice.
 * - Feedback goes to PollAnonymousComment under a random UUID, with no author and no time. Ballot and
 *   comment tables are WITHOUT ROWID, so their physical order is key order, not arrival order.
 * - Anonymous votes are final. Changing a vote means taking one off the old option, and the server can
 *   only do that if it remembers the old option — which is exactly the link that must not exist. (Handing
 *   the voter an encrypted receipt would move the link into the card, where an automatic refresh loses it.)
 * - Results of anonymous polls are shown only after closing: live counts that tick up right after one
 *   person clicks would tell onlookers what that person chose.
 * - Nothing about a vote is logged; the audit trail records publish and close, with totals only.
 */
import { createHmac } from 'node:crypto';

export function voterKey(secret: string, pollId: number, personId: string): string {
  return createHmac('sha256', secret).update(`ballot:${pollId}:${personId}`).digest('base64url');
}
