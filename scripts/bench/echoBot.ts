/**
 * The floor: a bare echo bot on the same stack (restify + TeamsAdapter + teams-ai Application, same body
 * parser), no database. Wijkbot's own turn is compared with this in the same run on the same machine.
 * The adapter is botbuilder's TeamsAdapter as it ships, as in every earlier round's figures. With
 * `wijkbotAdapter` the floor runs on Wijkbot's adapter instead (src/teams/adapter.ts: botbuilder's clients
 * kept between turns): a turn over that floor is Wijkbot's own cost without the adapter's saving in it.
 *
 * With `cardFor`, the floor answers a message with an Adaptive Card instead of text (the card floor): the
 * card is built beforehand, so what the floor pays per turn is only what the stack pays for a card of that
 * size (botbuilder's serialisation, the HTTP post to the connector). A Wijkbot turn that answers with the
 * same card, compared with this floor, shows Wijkbot's own cost (parse, search, render, database).
 */
import type { AddressInfo } from 'node:net';
import restify from 'restify';
import { Application, TeamsAdapter, TurnState } from '@microsoft/teams-ai';
import { WijkbotAdapter } from '../../src/teams/adapter';
import { CardFactory, MessageFactory, type Activity } from 'botbuilder';

export async function startEchoBot(options: { cardFor?: (text: string) => Record<string, unknown> | undefined; wijkbotAdapter?: boolean } = {}): Promise<{ url: string; stop(): Promise<void> }> {
  const adapter = options.wijkbotAdapter ? new WijkbotAdapter({}) : new TeamsAdapter({});
  const app = new Application<TurnState>({ adapter, botAppId: '00000000-0000-0000-0000-000000000000', removeRecipientMention: true, startTypingTimer: false, longRunningMessages: false });
  app.activity('message', async (context) => {
    const card = options.cardFor?.(context.activity.text ?? '');
    if (card) await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
    else await context.sendActivity(`echo: ${context.activity.text}`);
  });
  app.adaptiveCards.actionExecute(/.*/, async () => 'ok');
  const server = restify.createServer();
  server.use(restify.plugins.bodyParser({ maxBodySize: 256 * 1024, mapParams: false }));
  server.post('/api/messages', async (req, res) => {
    const invoke = await (adapter as unknown as { processActivity(a: string, b: Activity, c: (ctx: any) => Promise<void>): Promise<{ status: number; body?: unknown } | undefined> })
      .processActivity('', req.body as Activity, async (ctx) => { await app.run(ctx); });
    if (invoke?.body !== undefined) res.send(invoke.status, invoke.body);
    else res.send(invoke?.status ?? 200);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: () => new Promise<void>((r) => server.close(() => r())),
  };
}
