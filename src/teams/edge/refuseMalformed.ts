/**
 * Answers an activity that failed the edge check (activityShape.ts): one log line naming where it was wrong
 * (paths and codes, no values, no stack), and where a person is waiting a clear answer in their language.
 * Nothing else happens: no command runs, nothing is stored.
 */
import { ActivityTypes, INVOKE_RESPONSE_KEY, type Activity, type TurnContext } from 'botbuilder';
import { localeFrom } from '../../features/groups/types';
import { t } from '../../i18n';
import type { Logger } from '../../log';

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export async function refuseMalformed(context: TurnContext, problems: string[], deps: { log: Logger; botAppId: string }): Promise<void> {
  const activity = context.activity as Partial<Activity> & Record<string, unknown>;
  const type = str(activity.type);
  const name = str(activity.name);
  deps.log.warn({ type, name, problems }, 'activity refused at the edge: malformed');
  const locale = localeFrom(str(activity.locale));
  const text = t(locale, 'common.malformedActivity');

  const answer = (body: unknown) => context.turnState.set(INVOKE_RESPONSE_KEY, { type: 'invokeResponse', value: { status: 200, body } });
  if (type === ActivityTypes.Invoke) {
    if (name === 'adaptiveCard/action') answer({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text });
    else if (name === 'composeExtension/query') answer({ composeExtension: { type: 'message', text } });
    else context.turnState.set(INVOKE_RESPONSE_KEY, { type: 'invokeResponse', value: { status: 400, body: { error: 'malformed invoke' } } });
    return;
  }
  if (type !== ActivityTypes.Message) return;

  // The reply is addressed from the activity's own fields; keep only the ones that are what they claim to be,
  // so the answer itself cannot fail on them (botbuilder refuses to send a number as an aadObjectId).
  const from = activity.from as unknown as Record<string, unknown>;
  const recipient = activity.recipient as unknown as Record<string, unknown> | undefined;
  const conversation = activity.conversation as unknown as Record<string, unknown>;
  context.activity.from = { id: String(from.id), name: str(from.name) ?? '' };
  context.activity.recipient = { id: str(recipient?.id) ?? `28:${deps.botAppId}`, name: str(recipient?.name) ?? 'Wijkbot' };
  context.activity.conversation = { id: String(conversation.id), conversationType: str(conversation.conversationType) ?? 'personal', tenantId: str(conversation.tenantId), isGroup: conversation.isGroup === true, name: '' };
  context.activity.entities = [];
  try {
    await context.sendActivity({ type: ActivityTypes.Message, text });
  } catch (err) {
    deps.log.warn({ err: (err as Error).message }, 'could not answer a malformed activity');
  }
}
