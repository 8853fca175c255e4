/**
 * The README walk-through, as a person does it: `npm run playground`'s setup (Wijkbot with the demo data,
 * the Dutch locale proxy, the Microsoft 365 Agents Playground) in real Chromium. It looks at what a person
 * sees: every card renders with its Dutch text (and the netwerkkaart its picture), and its buttons work — confirm a plan, RSVP, publish a
 * poll, vote, post a verslag — and a channel message reaches Wijkbot when the mention is picked from the
 * @ menu. The commands typed are the README's, in its order.
 *
 * WALK_SHOTS=<folder> saves a screenshot of every step (for looking at a failure, or at the README's claims).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { ensureChromium, startPlaygroundSession, type PlaygroundSession } from '../support/playgroundBrowser';

/** Each step waits this long for what a person would see; the whole test has its own bound below. */
const STEP_MS = 30_000;
let session: PlaygroundSession | undefined;
let page: Page;
const shots = process.env.WALK_SHOTS;
let shotNo = 0;

async function shot(name: string): Promise<void> {
  if (!shots) return;
  fs.mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, `${String(++shotNo).padStart(2, '0')}-${name}.png`) });
}

beforeAll(async () => {
  ensureChromium();
  session = await startPlaygroundSession();
  page = session.page;
  page.setDefaultTimeout(STEP_MS);
}, 400_000);

afterAll(async () => {
  await session?.stop();
}, 60_000);

/** Types into the open conversation's message box (in a channel: "Start a new post") and sends. */
async function send(text: string): Promise<void> {
  const box = page.locator('[data-lexical-editor="true"]').first();
  await box.click();
  await box.fill(text);
  await page.keyboard.press('Enter');
}

/** The innermost element that holds `text` and a button named `button`: one card as it is shown. */
function card(text: string | RegExp, button: string): Locator {
  return page.locator('div').filter({ hasText: text }).filter({ has: page.getByRole('button', { name: button, exact: true }) }).last();
}

/** Waits until `text` is on the screen (the newest occurrence when it is there more than once). */
async function see(text: string | RegExp, within: Locator | Page = page): Promise<void> {
  await within.getByText(text).last().waitFor();
}

async function open(conversation: 'Personal Chat' | 'General'): Promise<void> {
  await page.getByText(conversation, { exact: true }).first().click();
}

test('the README walk-through works in the Agents Playground', async () => {
  await page.goto(session!.url);
  await see('Connected.');
  await see('Hallo! Ik ben Wijkbot.');
  await shot('welcome');

  await send('help');
  await see('Wat Wijkbot voor jou kan doen');
  await shot('help');

  await send('fysio bekkenbodem Oost zonder opnamestop');
  const lookup = card('Lotte van den Broek', 'Details');
  await see('Bekkenpraktijk Dapperbuurt', lookup);
  await shot('lookup');

  await send('netwerkkaart Oost');
  const networkMap = card('Netwerkkaart Oost', 'Vernieuwen');
  await see(/ketenpartners/, networkMap);
  // the picture Wijkbot serves itself is really shown (Teams, and here the browser, fetch it from the bot)
  const picture = networkMap.getByRole('img').last();
  await picture.waitFor();
  await page.waitForFunction((img) => img instanceof HTMLImageElement && img.complete && img.naturalWidth > 0, await picture.elementHandle(), { timeout: STEP_MS });
  await shot('netwerkkaart');

  // plan → confirm: the invitation goes to the Playground's channel, linked to Oost by the demo
  await send('plan FTO volgende week dinsdag 12:30 Oost over antistolling');
  const draft = card('FTO (farmacotherapeutisch overleg)', 'Bevestigen');
  await see('antistolling', draft);
  await shot('plan');
  await draft.getByRole('button', { name: 'Bevestigen', exact: true }).click();
  await see('De uitnodiging staat in het kanaal van wijkgroep Oost');
  await shot('planned');

  // a poll drafted in the personal chat offers the channel and is published there
  await send('peiling Moet de ROHA-raad maandelijks vergaderen? | Ja | Nee | Alleen digitaal');
  const pollDraft = card('Concept-peiling', 'Publiceren');
  await see('De peiling komt in het gekozen kanaal', pollDraft);
  expect(await pollDraft.getByRole('combobox', { name: /Plaatsen in/ }).inputValue()).toBe('Kanaal General van wijkgroep Oost');
  await shot('poll-draft');
  await pollDraft.getByRole('button', { name: 'Publiceren', exact: true }).click();
  await see('Geplaatst in het kanaal van wijkgroep Oost');
  await shot('poll-published');

  // in the channel: RSVP on the invitation, vote on the poll
  await open('General');
  const invitation = card('antistolling', 'Ik kom');
  await see(/Ik kom: 0/, invitation);
  await invitation.getByRole('button', { name: 'Ik kom', exact: true }).click();
  await see(/Ik kom: 1/, card('antistolling', 'Ik kom'));
  await shot('rsvp');
  const poll = card('Moet de ROHA-raad maandelijks vergaderen?', 'Alleen digitaal');
  await see(/0 van \d+ stemden/, poll);
  await poll.getByRole('button', { name: 'Ja', exact: true }).click();
  // the voter's own view ("Jij stemde: Ja") is replaced by the shared card a moment later: the Playground
  // shows everyone the same card; both count the vote
  await see(/1 van \d+ stemde\b/, card('Moet de ROHA-raad maandelijks vergaderen?', 'Alleen digitaal'));
  await shot('vote');

  // the verslag of the demo meeting that has just ended, written in the personal chat, posted in the channel
  await open('Personal Chat');
  await send('verslag FTO-D3M');
  const form = card('Verslag FTO', 'Plaatsen in kanaal');
  await see('DOAC’s bij verminderde nierfunctie', form);
  await form.getByLabel('Samenvatting').fill('We bespraken de dosering van DOAC’s bij een verminderde nierfunctie.');
  await shot('verslag-form');
  await form.getByRole('button', { name: 'Plaatsen in kanaal', exact: true }).click();
  await see(/Verslag geplaatst in het kanaal van Oost/);
  await open('General');
  await see('We bespraken de dosering van DOAC’s bij een verminderde nierfunctie.');
  await shot('verslag-posted');

  // a channel message reaches Wijkbot ("Test Bot" here) only with the mention picked from the @ menu
  await page.locator('[data-lexical-editor="true"]').first().click();
  await page.keyboard.type('@');
  await page.getByRole('menuitem', { name: 'Test Bot' }).click();
  await page.keyboard.type(' agenda');
  await page.getByRole('button', { name: 'Post', exact: true }).click();
  await see('Komende bijeenkomsten');
  await see(/PATZ-D3M/);
  await shot('agenda');
}, 240_000);
