/**
 * Real Teams activity JSON from test/fixtures/teams (copied from the team's shared fixtures) (each names its public source), adapted per test:
 * serviceUrl points at the connector stub, and text, user, ids and card data are filled in.
 */
import fs from 'node:fs';
import path from 'node:path';

const FIXTURES = path.resolve(__dirname, '../fixtures/teams');

function fixture(name: string): any {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, name), 'utf8')).activity;
}

export const TENANT = '50612dbb-0237-4969-b378-8d42590f9c00';
export const BOT_ID = '28:0b6fe6d1-fece-44f7-9a48-56465e2d5ab8';
export const TEAM_ID = '19:66P469zibfbsGI-_a0aN_toLTZpyzS6u7CT3TsXdgPw1@thread.tacv2';
export const CHANNEL_ID = '19:6848757105754c8981c67612732d9aa7@thread.tacv2';

export interface TestUser {
  aad: string;
  name: string;
  teamsId?: string;
  locale?: string;
}

let seq = 0;
const nextId = () => `${Date.now()}${++seq}`;

function from(user: TestUser) {
  return { id: user.teamsId ?? `29:${user.aad}`, name: user.name, aadObjectId: user.aad };
}

function withTenant(a: any, tenant: string) {
  a.channelData = { ...(a.channelData ?? {}), tenant: { id: tenant } };
  a.conversation = { ...a.conversation, tenantId: tenant };
  return a;
}

export function personalMessage(serviceUrl: string, user: TestUser, text: string, opts: { id?: string; tenant?: string } = {}): any {
  const a = fixture('personal-message.json');
  a.serviceUrl = serviceUrl;
  a.id = opts.id ?? nextId();
  a.text = text;
  a.from = from(user);
  a.recipient = { id: BOT_ID, name: 'Wijkbot' };
  a.conversation = { conversationType: 'personal', id: `a:personal-${user.aad}` };
  a.locale = user.locale ?? 'nl-NL';
  a.timestamp = new Date().toISOString();
  return withTenant(a, opts.tenant ?? TENANT);
}

/** A channel message that @mentions Wijkbot; `mentions` adds other people mentioned in the text. */
export function channelMessage(
  serviceUrl: string,
  user: TestUser,
  text: string,
  opts: { id?: string; channelId?: string; teamId?: string; tenant?: string; mentions?: { id: string; name: string }[] } = {},
): any {
  const a = fixture('channel-mention-message.json');
  const channelId = opts.channelId ?? CHANNEL_ID;
  const teamId = opts.teamId ?? TEAM_ID;
  a.serviceUrl = serviceUrl;
  a.id = opts.id ?? nextId();
  a.from = from(user);
  a.recipient = { id: BOT_ID, name: 'Wijkbot' };
  const mentionText = (opts.mentions ?? []).map((m) => ` <at>${m.name}</at>`).join('');
  a.text = `<at>Wijkbot</at> ${text}${mentionText}`;
  a.entities = [
    { type: 'mention', text: '<at>Wijkbot</at>', mentioned: { id: BOT_ID, name: 'Wijkbot' } },
    ...(opts.mentions ?? []).map((m) => ({ type: 'mention', text: `<at>${m.name}</at>`, mentioned: { id: m.id, name: m.name } })),
  ];
  a.attachments = [];
  a.channelData = { ...a.channelData, teamsChannelId: channelId, teamsTeamId: teamId, channel: { id: channelId }, team: { id: teamId } };
  a.conversation = { ...a.conversation, id: `${channelId};messageid=${a.id}` };
  a.locale = user.locale ?? 'nl-NL';
  return withTenant(a, opts.tenant ?? TENANT);
}

export function actionExecute(
  serviceUrl: string,
  user: TestUser,
  verb: string,
  data: Record<string, unknown>,
  opts: { replyToId?: string; conversationId?: string; conversationType?: string; tenant?: string; trigger?: 'manual' | 'automatic' } = {},
): any {
  const a = fixture('invoke-adaptiveCard-action-execute.json');
  a.serviceUrl = serviceUrl;
  a.id = `f:${nextId()}`;
  a.from = from(user);
  a.recipient = { id: BOT_ID, name: 'Wijkbot' };
  a.value = { action: { type: 'Action.Execute', verb, data }, trigger: opts.trigger ?? 'manual' };
  a.replyToId = opts.replyToId ?? 'activity-1';
  a.conversation = { conversationType: opts.conversationType ?? 'channel', id: opts.conversationId ?? CHANNEL_ID };
  a.locale = user.locale ?? 'nl-NL';
  return withTenant(a, opts.tenant ?? TENANT);
}

export function composeQuery(serviceUrl: string, user: TestUser, commandId: string, text: string, opts: { tenant?: string; skip?: number; count?: number } = {}): any {
  const a = fixture('invoke-composeExtension-query.json');
  a.serviceUrl = serviceUrl;
  a.id = `f:${nextId()}`;
  a.from = from(user);
  a.recipient = { id: BOT_ID, name: 'Wijkbot' };
  a.value = { commandId, parameters: [{ name: 'zoekterm', value: text }], queryOptions: { skip: opts.skip ?? 0, count: opts.count ?? 10 } };
  a.conversation = { id: `a:personal-${user.aad}`, conversationType: 'personal' };
  return withTenant(a, opts.tenant ?? TENANT);
}

export function botAddedToTeam(serviceUrl: string, opts: { tenant?: string; teamId?: string; channelId?: string } = {}): any {
  const a = fixture('conversationUpdate-bot-added-to-team.json');
  a.serviceUrl = serviceUrl;
  a.membersAdded = [{ id: BOT_ID }];
  a.recipient = { id: BOT_ID, name: 'Wijkbot' };
  const teamId = opts.teamId ?? TEAM_ID;
  const channelId = opts.channelId ?? teamId;
  a.conversation = { ...a.conversation, id: channelId };
  a.channelData = { ...a.channelData, team: { ...a.channelData.team, id: teamId }, settings: { selectedChannel: { id: channelId } } };
  return withTenant(a, opts.tenant ?? TENANT);
}

/** What the Agents Playground sends on every page load (its personal chat), captured verbatim. */
export function playgroundInstallationUpdate(serviceUrl: string, opts: { tenant?: string } = {}): any {
  const a = fixture('playground-installationUpdate-personal.json');
  a.serviceUrl = serviceUrl;
  a.id = nextId();
  if (opts.tenant) withTenant(a, opts.tenant);
  return a;
}
