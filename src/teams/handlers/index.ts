/** Every feature the bot offers, in the order help lists them. Add a feature here and nowhere else. */
import type { FeatureModule } from '../featureModule';
import type { AppServices } from '../services';
import { backupModule } from './backup';
import { demoModule } from './demo';
import { groupsModule } from './groups';
import { housekeepingModule } from './housekeeping';
import { meetingsModule } from './meetings';
import { networkMapModule } from './networkMap';
import { pollsModule } from './polls';
import { socialMapModule } from './socialMap';
import { summariesModule } from './summaries';

export function featureModules(services: AppServices): FeatureModule[] {
  const modules: FeatureModule[] = [];
  modules.push(groupsModule(services, () => modules));
  modules.push(housekeepingModule(services));
  modules.push(backupModule(services));
  const socialMap = socialMapModule(services);
  modules.push(socialMap);
  modules.push(networkMapModule(services, socialMap.service));
  modules.push(pollsModule(services));
  modules.push(meetingsModule(services));
  modules.push(summariesModule(services, modules));
  modules.push(demoModule(services, () => modules));
  return modules;
}
