/**
 * The contract between the Teams layer and each feature. A feature describes its commands, card verbs,
 * message-extension queries, jobs and extra HTTP routes as plain values; src/teams/app.ts wires them
 * into teams-ai. This keeps route wiring in one place and lets features grow without touching each other.
 */
import type { TurnContext } from 'botbuilder';
import type { Actor, Locale } from '../features/groups/types';
import type { ZodType } from 'zod/v4';
import type { LookupVocabulary } from '../intent/types';

export type ConversationKind = 'personal' | 'channel' | 'groupChat';

export interface ConversationInfo {
  id: string; // without ';messageid=...'
  kind: ConversationKind;
  teamId: string | null;
  tenantId: string;
}

export interface Mentioned {
  id: string; // Teams user id (29:...)
  aadObjectId?: string;
  name: string;
}

/** A card or a text; cards are fully expanded Adaptive Card JSON from src/cards/render.ts. */
export type Reply = { text: string } | { card: object; summary?: string };

export interface CommandContext {
  actor: Actor;
  locale: Locale;
  /** text after the command name, mention removed, trimmed */
  args: string;
  conversation: ConversationInfo;
  activityId: string;
  mentions: Mentioned[];
  /** local time zone the Teams client reported (IANA), if any */
  clientTimezone?: string;
  reply(reply: Reply): Promise<{ id?: string }>;
  /** e-mail and Entra id of a mentioned person, from the Teams roster (for `rol ... @persoon`) */
  lookupMember(userId: string): Promise<{ email?: string; aadObjectId?: string; name?: string } | undefined>;
  /** the raw TurnContext, for the rare handler that must talk to Teams directly */
  turn: TurnContext;
}

export interface CommandSpec {
  /** words that start the command, lower-case; multi-word names ("wie ben ik", "rol weg") are matched first */
  names: string[];
  help: { nl: string; en: string };
  /** shown in help only when true (the server still checks permissions inside run) */
  visibleTo?: (actor: Actor) => boolean;
  /** where the command may run; default everywhere */
  scopes?: ConversationKind[];
  run(ctx: CommandContext): Promise<void>;
}

export interface CardActionContext {
  actor: Actor;
  locale: Locale;
  conversation: ConversationInfo;
  /** id of the message that carries the card (for updating it for everyone) */
  cardMessageId?: string;
  /** 'manual' click or 'automatic' refresh (user-specific views) */
  trigger: 'manual' | 'automatic';
  turn: TurnContext;
}

export type CardActionResult =
  /** the card the clicking user sees; sharedCard, when given, replaces the message for everyone else */
  | { card: object; sharedCard?: object }
  | { message: string };

export interface CardActionSpec {
  verb: string;
  /** the card data fields this action reads (src/teams/edge/cardData.ts); checked before run */
  data?: ZodType;
  run(ctx: CardActionContext, data: Record<string, unknown>): Promise<CardActionResult>;
}

export interface ExtensionResultItem {
  preview: { title: string; subtitle?: string; text?: string };
  card: object;
}

export interface MessageExtensionSpec {
  commandId: string;
  query(ctx: { actor: Actor; locale: Locale; text: string; skip: number; count: number }): Promise<ExtensionResultItem[]>;
}

export interface JobContext {
  now: Date;
  /** how late this run is against its planned time (the bot may have been down) */
  lateByMs: number;
}

export type JobHandler = (payload: Record<string, unknown>, ctx: JobContext) => Promise<void>;

/** A channel that has just been linked to a wijkgroep (`koppel`, or the demo's Playground channel). */
export interface ChannelLink {
  groupId: string;
  groupName: string;
  conversationId: string;
  /** the language of whoever linked it, for the lines returned to them */
  locale: Locale;
}

export interface FeatureModule {
  name: string;
  commands?: CommandSpec[];
  cardActions?: CardActionSpec[];
  messageExtensions?: MessageExtensionSpec[];
  jobs?: Record<string, JobHandler>;
  /**
   * free text in a personal chat that reads as a lookup (src/intent decides): the social-map lookup.
   * `sentence`: the text reads like a sentence, so "nothing found" should say so and point to help.
   */
  fallback?: (ctx: CommandContext, text: string, hints?: { sentence?: boolean }) => Promise<void>;
  /** what the lookup understands, so a message can be told apart from chat before it is searched */
  lookupVocabulary?: LookupVocabulary;
  /** extra HTTP routes (e.g. .ics calendar links) */
  httpRoutes?: HttpRoute[];
  /** called once after the database is ready (warm caches, schedule recurring jobs) */
  start?: () => Promise<void>;
  /** demo data for `npm start` on an empty database; runs after the groups demo data exists */
  seedDemo?: () => Promise<void>;
  /**
   * A channel was linked to a wijkgroep: post what was waiting for one (e.g. invitations of upcoming
   * meetings planned before). Must be idempotent: a second link posts nothing twice. Returns lines for
   * the person who linked it ("uitnodiging geplaatst voor ...").
   */
  onChannelLinked?: (link: ChannelLink) => Promise<string[]>;
  /** Teams says Wijkbot was installed in (or, in the Agents Playground, opened in) this conversation */
  onInstalled?: (turn: TurnContext, conversation: ConversationInfo) => Promise<void>;
  /** resolves when the module's background work (card edits, notifications, loading) is done: stop() waits */
  idle?: () => Promise<void>;
  /** false while the module cannot serve yet (a large social map still loading): /readyz answers 503 */
  ready?: () => boolean;
}

export interface HttpRoute {
  method: 'get';
  path: string;
  /** body: text, or bytes (pictures, PDFs) */
  handler(params: Record<string, string>): Promise<{ status: number; contentType: string; body: string | Buffer; headers?: Record<string, string> }>;
}
