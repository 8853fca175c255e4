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
  if (wellFormed(activity)) return { ok: true };
  return explainShape(activity);
}

/** The schemas above, run in full: they name each problem (and decide whatever wellFormed leaves open). */
export function explainShape(activity: unknown): ShapeVerdict {
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

// ---- the common case without the schema machinery -----------------------------------------------------
//
// Every message turn and card click passes this check. Inside a turn the schemas cost far more than in a
// tight loop (2-3 µs there): their many small parsers and the copies they build are cold by the next
// turn. Answering the common case with wellFormed, the same rules as one function that builds nothing,
// made a lookup turn ~100-160 µs faster (A/B inside the bench's turns at 5,000 partners). wellFormed
// only ever says yes to what the schemas accept (test/unit/teams/activityShape.test.ts holds the two
// side by side on every fixture and on mutations of every field); whatever it does not recognise goes to
// the schemas, which have the last word and name the problems.

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
/** what z.record accepts: an object straight from JSON (its prototype Object's, or none) */
const isPlainObj = (v: unknown): v is Obj => isObj(v) && (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null);
const str = (v: unknown, min: number, max: number): boolean => typeof v === 'string' && v.length >= min && v.length <= max;
/** optionalString(max): a string up to max, null or absent */
const opt = (v: unknown, max = ID_MAX): boolean => v == null || (typeof v === 'string' && v.length <= max);
const accountOk = (v: unknown): boolean => isObj(v) && str(v.id, 1, ID_MAX) && opt(v.name) && opt(v.aadObjectId, 128);
const idOnly = (v: unknown, max: number): boolean => v == null || (isObj(v) && str(v.id, 0, max));

function entitiesOk(v: unknown): boolean {
  if (v == null) return true;
  if (!Array.isArray(v) || v.length > 100) return false;
  for (const e of v) {
    if (!isObj(e) || !str(e.type, 0, 200)) return false;
    if (e.type === 'mention') {
      const m = e.mentioned;
      if (!isObj(m) || !str(m.id, 1, ID_MAX) || !opt(m.name) || !opt(e.text)) return false;
    }
  }
  return true;
}

function channelDataOk(v: unknown): boolean {
  if (v == null) return true;
  return isObj(v) && idOnly(v.tenant, 128) && idOnly(v.team, ID_MAX) && idOnly(v.channel, ID_MAX);
}

function membersAddedOk(v: unknown): boolean {
  if (v == null) return true;
  if (!Array.isArray(v)) return false;
  for (const m of v) if (!isObj(m) || !str(m.id, 0, ID_MAX)) return false;
  return true;
}

/** The value of an invoke Wijkbot answers; other invokes carry nothing checked here. */
function invokeValueOk(name: unknown, value: unknown): boolean {
  if (name === 'adaptiveCard/action') {
    if (!isObj(value) || !opt(value.trigger, 64)) return false;
    const action = value.action;
    return isObj(action) && str(action.type, 0, 64) && opt(action.verb, 200) && (action.data == null || isPlainObj(action.data));
  }
  if (name === 'composeExtension/query') return false; // rare enough: the schema reads it
  return true;
}

/** Exported for the test that holds it to the schemas; callers use checkActivityShape. */
export function wellFormed(activity: unknown): boolean {
  if (!isObj(activity)) return false;
  const a = activity;
  const conversation = a.conversation;
  return (
    str(a.type, 1, 64) &&
    opt(a.id) &&
    opt(a.name, 200) &&
    accountOk(a.from) &&
    accountOk(a.recipient) &&
    isObj(conversation) &&
    str(conversation.id, 1, ID_MAX) &&
    opt(conversation.conversationType, 64) &&
    opt(conversation.tenantId, 128) &&
    entitiesOk(a.entities) &&
    opt(a.locale, 64) &&
    opt(a.localTimezone, 64) &&
    opt(a.text, TEXT_MAX) &&
    opt(a.replyToId) &&
    channelDataOk(a.channelData) &&
    membersAddedOk(a.membersAdded) &&
    (a.type !== 'invoke' || typeof a.name !== 'string' || invokeValueOk(a.name, a.value))
  );
}
