/**
 * Klankbord polls from the command line (server access = the organisation's administrators).
 *   npm run poll -- export <id> [file.csv]   result as CSV (named polls: who chose what; anonymous: totals only).
 *                                             Like the card: before the close only what the card shows
 *                                             (no results for anonymous or "after closing" polls).
 *   npm run poll -- list                      all polls with status and turnout
 */
import fs from 'node:fs';
import { pollCsv } from '../src/features/polls/csv';
import { PollsService } from '../src/features/polls/service';
import { fail, failureLine, openDatabase } from './cli';

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  const usage = 'Gebruik: npm run poll -- export <nummer> [bestand.csv] | npm run poll -- list';
  if (command !== 'export' && command !== 'list') fail(usage, 2);
  const db = await openDatabase();
  try {
    // No secret is needed to read results; jobs are not touched from the command line.
    const polls = new PollsService({ db, clock: () => new Date(), secret: 'cli-no-ballots', jobs: { schedule: async () => undefined, cancel: async () => undefined } });
    if (command === 'list') {
      const rows = await db.poll.findMany({ orderBy: { id: 'asc' } });
      for (const r of rows) {
        const snap = await polls.snapshot(r.id);
        console.log(`#${r.id}\t${r.status}\t${snap.voters}/${r.eligibleCount}\t${r.anonymous ? 'anoniem' : 'op naam'}\t${r.question}`);
      }
      return;
    }
    const id = Number(rest[0]);
    if (!Number.isSafeInteger(id) || id <= 0) fail(usage, 2);
    const poll = await db.poll.findUnique({ where: { id } });
    if (!poll) fail(`Peiling #${id} bestaat niet.`);
    if (poll.status === 'draft' || poll.status === 'publishing') fail(`Peiling #${id} is nog niet gepubliceerd.`);
    const { snapshot, namedVotes, resultsVisible } = await polls.exportSnapshot((await polls.snapshot(id)).poll);
    const csv = pollCsv(snapshot, namedVotes, resultsVisible);
    if (rest[1]) {
      fs.writeFileSync(rest[1], '\uFEFF' + csv);
      console.error(`Geschreven: ${rest[1]}`);
    } else {
      process.stdout.write(csv);
    }
  } finally {
    await db.$disconnect();
  }
}

main().catch((err) => fail(`Mislukt: ${failureLine(err)}`));
