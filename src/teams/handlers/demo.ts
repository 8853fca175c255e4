/**
 * The demo in the Microsoft 365 Agents Playground (`npm run playground`): on first contact, its General
 * channel is linked to wijkgroep Oost, so a newcomer can plan, publish a poll and post a verslag there
 * without knowing any ids or linking a channel first. Invitations that waited for Oost's channel (the demo
 * PaTz) are posted right after.
 *
 * Only ever for the Playground: its fixed placeholder tenant, anonymous development mode (the Playground
 * sends no tokens), and a database holding the demo data; once per database (see db/seed/playgroundLink.ts).
 */
import { isAuthEnabled } from '../../config';
import { PLAYGROUND_TEAM } from '../../db/seed/demoGroups';
import { linkPlaygroundChannel } from '../../db/seed/playgroundLink';
import { t } from '../../i18n';
import { announceChannelLinked } from '../channelLinks';
import type { FeatureModule } from '../featureModule';
import type { AppServices } from '../services';

export function demoModule(services: AppServices, allModules: () => readonly FeatureModule[]): FeatureModule {
  const { log } = services;
  let settled = services.config.seedDemo === 'false' || isAuthEnabled(services.config);
  let running: Promise<void> | null = null;

  return {
    name: 'demo',
    async onInstalled(turn, conversation) {
      if (settled || conversation.tenantId !== PLAYGROUND_TEAM.tenantId) return;
      // page loads come in pairs (chat and channel): one link attempt at a time
      running ??= (async () => {
        try {
          await services.conversations.rememberKnownChannel(turn, { id: PLAYGROUND_TEAM.channelId, name: PLAYGROUND_TEAM.channelName, teamId: PLAYGROUND_TEAM.teamId, teamName: PLAYGROUND_TEAM.teamName });
          const linked = await linkPlaygroundChannel(services.db, { conversationId: PLAYGROUND_TEAM.channelId, groupSlug: PLAYGROUND_TEAM.groupSlug });
          settled = true; // linked now, or there was nothing to do: either way not again in this process
          if (!linked) return;
          log.info({ groupId: linked.groupId }, 'demo: the Playground channel is linked to the demo group');
          await services.proactive.send(PLAYGROUND_TEAM.channelId, { text: t('nl', 'groups.demoLinked', { channel: PLAYGROUND_TEAM.channelName, group: linked.groupName }) });
          await announceChannelLinked(allModules(), { ...linked, conversationId: PLAYGROUND_TEAM.channelId, locale: 'nl' }, log);
        } catch (err) {
          log.warn({ err: (err as Error).message }, 'demo: linking the Playground channel failed; `@Test Bot koppel Oost` in the channel does it by hand');
        } finally {
          running = null;
        }
      })();
      await running;
    },
  };
}
