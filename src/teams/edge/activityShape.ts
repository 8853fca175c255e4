/**
 * The Teams edge: what an activity must look like before teams-ai, botbuilder or Wijkbot reads it.
 *
 * src/http/server.ts already refuses what is not an activity at all (no type, serviceUrl, conversation.id,
 * from.id). This checks the fields the turn then reads, with the types they are read as: an `aadObjectId`
 * that is a number, `entities` that is a string, a missing `recipient`, a mention without `mentioned`, or a
 * message-extension query whose `parameters` is not a list made the turn crash deep inside a library.
 * Teams itself never sends these; a client that does gets a clear answer and nothing is done.
 *
 * Only the shape is checked here (the parsed value is not used, so unknown fields stay as Teams sent them);
 * card data is checked per action by the action's own schema (src/teams/edge/cardData.ts).
 */
import { z } from 'zod/v4';

const ID_MAX = 1024;
const TEXT_MAX = 100_000;

const optionalString = (max = ID_MAX) => z.string().max(max).nullish();

const account = z.object({
  id: z.string().min(1).max(ID_MAX),
  name: optionalString(),
  aadObjectId: optionalString(128),
});

const mention = z.object({
  mentioned: z.object({ id: z.string().min(1).max(ID_MAX), name: optionalString() }),
  text: optionalString(),
});

const entity = z.object({ type: z.string().max(200) }).passthrough().superRefine((e, ctx) => {
  if (e.type !== 'mention') return;
  for (const issue of mention.safeParse(e).error?.issues ?? []) ctx.addIssue(issue);
});

const activityBase = z.object({
  type: z.string().min(1).max(64),
  id: optionalString(),
  name: optionalString(200),
  from: account,
  recipient: account,
  conversation: z.object({ id: z.string().min(1).max(ID_MAX), conversationType: optionalString(64), tenantId: optionalString(128) }),
  entities: z.array(entity).max(100).nullish(),
  locale: optionalString(64),
  localTimezone: optionalString(64),
  text: optionalString(TEXT_MAX),
  replyToId: optionalString(),
  channelData: z.object({
    tenant: z.object({ id: z.string().max(128) }).nullish(),
    team: z.object({ id: z.string().max(ID_MAX) }).nullish(),
    channel: z.object({ id: z.string().max(ID_MAX) }).nullish(),
  }).passthrough().nullish(),
  membersAdded: z.array(z.object({ id: z.string().max(ID_MAX) }).passthrough()).nullish(),
});

/**
 * The invokes Wijkbot answers, with the value each carries. A Map, not an object literal: the invoke name
 * is the sender's, and "constructor" or "toString" would otherwise find Object.prototype's member.
 */
const invokeValues = new Map<string, z.ZodType>([
  ['composeExtension/query', z.object({
    commandId: z.string().min(1).max(200),
    parameters: z.array(z.object({ name: z.string().max(200), value: z.unknown() })).max(20).nullish(),
    queryOptions: z.object({ skip: z.number().int().min(0).max(10_000).nullish(), count: z.number().int().min(0).max(1_000).nullish() }).nullish(),
  })],
  ['adaptiveCard/action', z.object({
    action: z.object({ type: z.string().max(64), verb: optionalString(200), data: z.record(z.string(), z.unknown()).nullish() }), // a button may have no verb: 'unknown action' answers it
    trigger: optionalString(64),
  })],
]);

export type ShapeVerdict = { ok: true } | { ok: false; problems: string[] };

/** Where the activity is wrong, as `path: code` (never the values: they are the sender's text). */
export function checkActivityShape(activity: unknown): ShapeVerdict {
  const problems: z.core.$ZodIssue[] = [];
  const base = activityBase.safeParse(activity);
  if (!base.success) problems.push(...base.error.issues);
  const a = activity as { type?: unknown; name?: unknown; value?: unknown };
  const valueSchema = a.type === 'invoke' && typeof a.name === 'string' ? invokeValues.get(a.name) : undefined;
  if (valueSchema) {
    const value = valueSchema.safeParse(a.value);
    if (!value.success) problems.push(...value.error.issues.map((i) => ({ ...i, path: ['value', ...i.path] })));
  }
  if (!problems.length) return { ok: true };
  return { ok: false, problems: problems.slice(0, 5).map((i) => `${i.path.join('.') || '(activity)'}: ${i.code}`) };
}
