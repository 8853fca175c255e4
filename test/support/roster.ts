import { parseRosterCsv } from '../../src/features/groups/rosterCsv';
import type { RunningWijkbot } from '../../src';
import type { TestUser } from './activities';

/** Test people; aad ids are real-looking GUIDs so the roster validation accepts them. */
export const USERS = {
  admin: { aad: 'a0000000-0000-4000-8000-000000000001', name: 'Beheer Admin' },
  coordOost: { aad: 'c0000000-0000-4000-8000-000000000001', name: 'Carla Coördinator' },
  gpOost: { aad: 'd0000000-0000-4000-8000-000000000001', name: 'Dirk Huisarts' },
  gpOost2: { aad: 'd0000000-0000-4000-8000-000000000002', name: 'Dana Huisarts' },
  apoOost: { aad: 'e0000000-0000-4000-8000-000000000001', name: 'Eva Apotheker' },
  wvOost: { aad: 'f0000000-0000-4000-8000-000000000001', name: 'Fien Wijkverpleegkundige' },
  gpNoord: { aad: 'd0000000-0000-4000-8000-000000000003', name: 'Noah Noord' },
  raad1: { aad: 'b0000000-0000-4000-8000-000000000001', name: 'Rik Raadslid' },
  stranger: { aad: '99999999-0000-4000-8000-000000000009', name: 'Onbekende Gebruiker' },
} satisfies Record<string, TestUser>;

export const DEFAULT_ROSTER = `wijkgroep,naam,email,aad_object_id,rol
,Beheer Admin,admin@wijkbot.test,${USERS.admin.aad},admin
Oost,Carla Coördinator,carla@wijkbot.test,${USERS.coordOost.aad},coordinator
Oost,Carla Coördinator,carla@wijkbot.test,${USERS.coordOost.aad},huisarts
Oost,Dirk Huisarts,dirk@wijkbot.test,${USERS.gpOost.aad},huisarts
Oost,Dana Huisarts,dana@wijkbot.test,${USERS.gpOost2.aad},huisarts
Oost,Eva Apotheker,eva@wijkbot.test,${USERS.apoOost.aad},apotheker
Oost,Fien Wijkverpleegkundige,fien@wijkbot.test,${USERS.wvOost.aad},wijkverpleegkundige
Noord,Noah Noord,noah@wijkbot.test,${USERS.gpNoord.aad},huisarts
Oost,Rik Raadslid,rik@wijkbot.test,${USERS.raad1.aad},raadslid
Noord,Rik Raadslid,rik@wijkbot.test,${USERS.raad1.aad},huisarts
`;

/** Loads a roster through the same code path as `npm run org -- import`. */
export async function importRoster(bot: RunningWijkbot, csv = DEFAULT_ROSTER): Promise<void> {
  const parsed = parseRosterCsv(csv);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const imported = await bot.services.groups.importRoster(parsed.rows, { dryRun: false, actorLabel: 'test', minPauseMs: 0 });
  if (!imported.ok) throw new Error(JSON.stringify(imported.problems));
}
