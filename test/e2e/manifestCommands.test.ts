/** Every command the Teams manifest offers in its command menu is one Wijkbot answers, in that scope. */
import fs from 'node:fs';
import path from 'node:path';
import { channelMessage, personalMessage, botAddedToTeam } from '../support/activities';
import { startTestBot, type TestBot } from '../support/harness';
import { importRoster, USERS } from '../support/roster';

const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../appPackage/manifest.json'), 'utf8'));
const lists: { scopes: string[]; commands: { title: string }[] }[] = manifest.bots[0].commandLists;

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot();
  await importRoster(t.bot);
  await t.post(botAddedToTeam(t.stub.url));
  await t.post(channelMessage(t.stub.url, USERS.coordOost, 'koppel Oost'));
});
afterAll(async () => t.stop());

const cases = lists.flatMap((l) => l.commands.map((c) => [l.scopes.includes('personal') ? 'personal' : 'channel', c.title] as const));

test.each(cases)('the %s menu command "%s" gets a real answer', async (scope, title) => {
  t.stub.clear();
  const activity = scope === 'personal' ? personalMessage(t.stub.url, USERS.coordOost, title) : channelMessage(t.stub.url, USERS.coordOost, title);
  const res = await t.post(activity);
  expect(res.status).toBe(200);
  const texts = t.stub.sentTexts().join('\n');
  expect(texts.length).toBeGreaterThan(0);
  expect(texts).not.toContain('Dat commando ken ik niet');
  expect(texts).not.toContain('Er ging iets mis');
});
