/**
 * `npm run org -- import` of a large roster into the data of a running bot: while it runs, every message
 * and every vote is answered correctly (not "Er ging iets mis…"), and afterwards the whole file is there.
 * The import runs as the administrator runs it, a separate process on the same database file. The
 * latency figures (max/p95 turn time during a 20,000-row import) are in scripts/bench/rosterImport.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { actionExecute, channelMessage, personalMessage } from '../support/activities';
import { cardOf, textOf } from '../support/connectorStub';
import { inputsOf } from '../support/cardInspect';
import { startTestBot, type TestBot } from '../support/harness';
import { largeRoster, runImport } from '../support/largeRoster';
import { importRoster, USERS } from '../support/roster';
import type { PollsModule } from '../../src/teams/handlers/polls';

const ROWS = 5_000;

let t: TestBot;
beforeEach(async () => {
  t = await startTestBot();
  await importRoster(t.bot);
});
afterEach(async () => {
  await (t.bot.modules.find((m) => m.name === 'polls') as PollsModule).idle();
  await t.stop();
});

test('while a 5,000-row roster import runs, messages and votes are answered correctly', async () => {
  // an open poll for the ROHA-raad, posted in the channel
  await t.post(channelMessage(t.stub.url, USERS.coordOost, 'peiling Vergaderen we maandelijks? | Ja | Nee'));
  const poll = await t.bot.services.db.poll.findFirstOrThrow({ orderBy: { id: 'desc' } });
  const draft = cardOf(t.stub.sent.at(-1)!.body);
  await t.post(actionExecute(t.stub.url, USERS.coordOost, 'poll.publish', { pollId: poll.id, ...inputsOf(draft) }, { replyToId: 'draft-msg' }));
  expect((await t.bot.services.db.poll.findUniqueOrThrow({ where: { id: poll.id } })).status).toBe('open');
  const before = await t.bot.services.db.person.count();

  const file = path.join(t.dataDir, 'groot.csv');
  fs.writeFileSync(file, largeRoster(ROWS));
  // the same store as the bot: on PostgreSQL the CLI gets its DATABASE_URL, as an operator's shell would
  const importing = runImport(t.dataDir, file, [], t.env.DATABASE_URL ? { DATABASE_URL: t.env.DATABASE_URL } : {});
  const failures: string[] = [];
  let turnsWhileWriting = 0;
  let option = 0;
  const deadline = Date.now() + 150_000;
  try {
    // talk to the bot from the moment the import starts until it is done
    while (importing.running() && Date.now() < deadline) {
      const writing = (await t.bot.services.db.wijkGroup.count()) > 2; // its first chunk (the new wijkgroepen) is in
      t.stub.clear();
      const res = await t.post(personalMessage(t.stub.url, USERS.gpOost, 'wie ben ik'));
      const reply = t.stub.sent.map((c) => textOf(c.body) + JSON.stringify(cardOf(c.body) ?? '')).join(' ');
      if (res.status !== 200 || !reply.includes('Dirk Huisarts') || /ging iets mis/.test(reply)) failures.push(`message: ${res.status} ${reply.slice(0, 120)}`);

      option = 1 - option;
      const vote = await t.post(actionExecute(t.stub.url, USERS.raad1, 'poll.vote', { pollId: poll.id, option }, { replyToId: 'poll-msg' }));
      const shown = JSON.stringify(vote.body);
      if (vote.status !== 200 || vote.body?.type !== 'application/vnd.microsoft.card.adaptive' || /ging iets mis/.test(shown)) failures.push(`vote: ${vote.status} ${shown.slice(0, 120)}`);
      if (writing && importing.running()) turnsWhileWriting++;
    }
  } finally {
    if (importing.running()) importing.kill();
  }
  const { code, out } = await importing.exited;
  expect({ code, out: out.slice(-400) }).toEqual({ code: 0, out: expect.stringContaining('Geïmporteerd') });
  expect(failures).toEqual([]);
  expect(turnsWhileWriting).toBeGreaterThanOrEqual(3); // the bot was really talked to while the import wrote
  expect(await t.bot.services.db.person.count()).toBe(before + ROWS);
  const me = await t.bot.services.db.person.findUniqueOrThrow({ where: { aadObjectId: USERS.raad1.aad } });
  expect((await t.bot.services.db.pollVote.findMany({ where: { pollId: poll.id, personId: me.id } })).map((v) => v.option)).toEqual([option]);
}, 180_000);
