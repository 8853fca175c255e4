/** Reading what Teams tells us about a turn: who, where, which language, what was typed. */
import { TeamsInfo, type Activity, type TurnContext } from 'botbuilder';
import { localeFrom, type Locale } from '../features/groups/types';
import type { Identity } from '../features/groups/service';
import { normaliseText } from '../text/normalise';
import { conversationInfoOf } from './conversationStore';
import type { Mentioned } from './featureModule';

export function tenantOf(activity: Partial<Activity>): string {
  const cd = (activity.channelData ?? {}) as { tenant?: { id?: string } };
  return (cd.tenant?.id ?? activity.conversation?.tenantId ?? '').toLowerCase();
}

export function localeOf(activity: Partial<Activity>): Locale {
  const clientInfo = activity.entities?.find((e) => e.type === 'clientInfo') as { locale?: string } | undefined;
  return localeFrom(activity.locale ?? clientInfo?.locale);
}

export function timezoneOf(activity: Partial<Activity>): string | undefined {
  const clientInfo = activity.entities?.find((e) => e.type === 'clientInfo') as { timezone?: string } | undefined;
  return activity.localTimezone ?? clientInfo?.timezone;
}

/** The actor's identity comes from the activity (verified by the Bot Framework token), never from card data. */
export function identityOf(activity: Partial<Activity>): Identity | null {
  const aad = activity.from?.aadObjectId;
  if (!aad) return null;
  return { aadObjectId: aad.toLowerCase(), tenantId: tenantOf(activity), name: activity.from?.name ?? '', locale: localeOf(activity) };
}

export function mentionsOf(activity: Partial<Activity>): Mentioned[] {
  const botId = activity.recipient?.id;
  return (activity.entities ?? [])
    .filter((e) => e.type === 'mention')
    .map((e) => (e as unknown as { mentioned: { id: string; name?: string; aadObjectId?: string } }).mentioned)
    .filter((m) => m && m.id !== botId)
    .map((m) => ({ id: m.id, name: m.name ?? '', aadObjectId: m.aadObjectId }));
}

const ENTITIES: Record<string, string> = { '&nbsp;': ' ', '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/**
 * Text with the bot's mention removed (teams-ai does that), other mentions' tags dropped, entities decoded,
 * normalised (src/privacy/normalise.ts): what the guard checks is what Wijkbot stores and posts.
 */
export function commandText(activity: Partial<Activity>): string {
  return normaliseText(activity.text ?? '')
    .replace(/<at>[^<]*<\/at>/g, ' ')
    .replace(/&(nbsp|amp|lt|gt|quot|#39);/g, (m) => ENTITIES[m] ?? m)
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export async function lookupMember(context: TurnContext, userId: string): Promise<{ email?: string; aadObjectId?: string; name?: string } | undefined> {
  try {
    const m = await TeamsInfo.getMember(context, userId);
    return { email: m.email ?? m.userPrincipalName ?? undefined, aadObjectId: m.aadObjectId, name: m.name };
  } catch {
    return undefined; // not in this conversation's roster, or the roster is unavailable: caller explains
  }
}

export { conversationInfoOf };
