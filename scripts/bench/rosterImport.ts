/**
 * A 20,000-row `npm run org -- import` into the database of a running bot (issue 9, item 2: it took 72 s
 * in one transaction and 7 of 13 turns failed). Figures: how long the import takes, and the turn time of
 * messages (`wie ben ik`) and poll votes while it writes, max and p95, next to the same turns without an
 * import. Target: every turn answered, and within 1 s. Run alone: `npm run bench -- rosterImport`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { actionExecute, channelMessage, personalMessage } from '../../test/support/activities';
import { cardOf } from '../../test/support/connectorStub';
import { inputsOf } from '../../test/support/cardInspect';
import { startTestBot, type TestBot } from '../../test/support/harness';
import { largeRoster, runImport } from '../../test/support/largeRoster';
import { importRoster, USERS } from '../../test/support/roster';
import { summarize, timed } from './stats';

const ROWS = Number(process.env.BENCH_ROSTER_ROWS ?? 20_000);

async function openPoll(t: TestBot): Promise<number> {
  await t.post(channelMessage(t.stub.url, USERS.coordOost, 'peiling Vergaderen we maandelijks? | Ja | Nee'));
  const poll = await t.bot.services.db.poll.findFirstOrThrow({ orderBy: { id: 'desc' } });
  await t.post(actionExecute(t.stub.url, USERS.coordOost, 'poll.publish', { pollId: poll.id, ...inputsOf(cardOf(t.stub.sent.at(-1)!.body)) }, { replyToId: 'draft-msg' }));
  return poll.id;
}

/** One message turn and one vote; the times, and whether each was answered properly. */
async function turnPair(t: TestBot, pollId: number, option: number): Promise<{ messageMs: number; voteMs: number; failed: number }> {
  let failed = 0;
  const [messageMs, res] = await timed(() => t.post(personalMessage(t.stub.url, USERS.gpOost, 'wie ben ik')));
  if (res.status !== 200 || /ging iets mis/.test(JSON.stringify(t.stub.sent.at(-1)?.body ?? ''))) failed++;
  const [voteMs, vote] = await timed(() => t.post(actionExecute(t.stub.url, USERS.raad1, 'poll.vote', { pollId, option }, { replyToId: 'poll-msg' })));
  if (vote.status !== 200 || /ging iets mis/.test(JSON.stringify(vote.body))) failed++;
  return { messageMs, voteMs, failed };
}

export async function benchRosterImport(): Promise<Record<string, unknown>> {
  const t = await startTestBot();
  try {
    await importRoster(t.bot);
    const pollId = await openPoll(t);

    const idle = { message: [] as number[], vote: [] as number[] };
    for (let i = 0; i < 50; i++) {
      const r = await turnPair(t, pollId, i % 2);
      idle.message.push(r.messageMs);
      idle.vote.push(r.voteMs);
    }

    const file = path.join(t.dataDir, 'bench-roster.csv');
    fs.writeFileSync(file, largeRoster(ROWS));
    const started = Date.now();
    const importing = runImport(t.dataDir, file);
    const during = { message: [] as number[], vote: [] as number[] };
    let failed = 0;
    let option = 0;
    while (importing.running()) {
      const writing = (await t.bot.services.db.wijkGroup.count()) > 2;
      const r = await turnPair(t, pollId, (option = 1 - option));
      failed += r.failed;
      if (writing && importing.running()) {
        during.message.push(r.messageMs);
        during.vote.push(r.voteMs);
      }
    }
    const { code, out } = await importing.exited;
    const importSeconds = (Date.now() - started) / 1000;
    if (code !== 0) throw new Error(`import failed: ${out.slice(-300)}`);
    const all = [...during.message, ...during.vote];
    return {
      'rows imported': ROWS,
      'import wall time incl. CLI start (s)': Math.round(importSeconds * 10) / 10,
      'turns failed during the import (target 0)': failed,
      'message turn during import (ms)': { ...summarize(during.message), max: Math.round(Math.max(...during.message)) },
      'vote during import (ms)': { ...summarize(during.vote), max: Math.round(Math.max(...during.vote)) },
      'all turns during import: max | p95 (target ≤ 1000 ms)': `${Math.round(Math.max(...all))} | ${summarize(all).p95}`,
      'message turn without import (ms)': summarize(idle.message),
      'vote without import (ms)': summarize(idle.vote),
    };
  } finally {
    await t.stop();
  }
}
