/**
 * After a channel is linked to a wijkgroep, every feature gets to post what was waiting for a channel
 * (FeatureModule.onChannelLinked). One feature failing does not stop the others or the link itself,
 * which is already saved: its failure is logged, and what it returns is left out.
 */
import type { Logger } from '../log';
import type { ChannelLink, FeatureModule } from './featureModule';

export async function announceChannelLinked(modules: readonly FeatureModule[], link: ChannelLink, log: Logger): Promise<string[]> {
  const lines: string[] = [];
  for (const m of modules) {
    if (!m.onChannelLinked) continue;
    try {
      lines.push(...(await m.onChannelLinked(link)));
    } catch (err) {
      log.warn({ module: m.name, groupId: link.groupId, err: (err as Error).message }, 'posting what waited for the linked channel failed');
    }
  }
  return lines;
}
