/**
 * A ROHA-raad poll published the way a person does it (the admin's `peiling …` in the channel, then
 * "Publiceren" on the draft card), for storms of votes in tests and benchmarks.
 */
import { actionExecute, channelMessage } from './activities';
import { cardOf } from './connectorStub';
import type { TestBot } from './harness';
import { USERS } from './roster';

export const RAAD_POLL_OPTIONS = ['Ja', 'Nee', 'Alleen digitaal'];

export async function publishRaadPoll(t: TestBot, anonymous: boolean): Promise<{ pollId: number; messageId: string }> {
  const before = t.stub.sent.length;
  await t.post(channelMessage(t.stub.url, USERS.admin, `peiling Vergadert de ROHA-raad voortaan maandelijks? | ${RAAD_POLL_OPTIONS.join(' | ')}`));
  const draft = cardOf(t.stub.sent.slice(before).at(-1)?.body);
  const pollId = (await t.bot.services.db.poll.findFirstOrThrow({ orderBy: { id: 'desc' } })).id;
  const inputs: Record<string, string> = {};
  JSON.stringify(draft, (_k, v) => {
    if (v && typeof v === 'object' && typeof v.type === 'string' && v.type.startsWith('Input.') && v.id) inputs[v.id] = String(v.value ?? '');
    return v;
  });
  const res = await t.post(actionExecute(t.stub.url, USERS.admin, 'poll.publish', { pollId, ...inputs, audience: 'raad', secrecy: anonymous ? 'anonymous' : 'named' }));
  const row = await t.bot.services.db.poll.findUniqueOrThrow({ where: { id: pollId } });
  if (res.status !== 200 || row.status !== 'open' || !row.messageId) throw new Error(`publishing the poll failed: ${JSON.stringify(res.body).slice(0, 300)}`);
  return { pollId, messageId: row.messageId };
}
