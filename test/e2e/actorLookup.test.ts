/**
 * Who is acting, under a storm of first clicks: lookups that arrive together share one query, each still
 * gets their own person and roles, and a role change during the query does not leave old roles cached.
 */
import * as groupsRepo from '../../src/features/groups/repository';
import { startTestBot, type TestBot } from '../support/harness';
import { importRoster, USERS } from '../support/roster';
import { TENANT } from '../support/activities';

let t: TestBot;
beforeEach(async () => {
  t = await startTestBot();
  await importRoster(t.bot);
});
afterEach(async () => {
  jest.restoreAllMocks();
  await t.stop();
});

const identity = (u: { aad: string; name: string }) => ({ aadObjectId: u.aad, tenantId: TENANT, name: u.name, locale: 'nl' as const });

test('thirty concurrent first lookups of six people cost one query, and each gets their own roles', async () => {
  const spy = jest.spyOn(groupsRepo, 'findPeopleByAad');
  const people = [USERS.coordOost, USERS.gpOost, USERS.gpOost2, USERS.apoOost, USERS.raad1, USERS.stranger];
  const actors = await Promise.all(Array.from({ length: 30 }, (_, i) => t.bot.services.groups.resolveActor(identity(people[i % people.length]!))));
  expect(spy).toHaveBeenCalledTimes(1);
  expect(spy.mock.calls[0]![1]).toHaveLength(6);
  const byName = new Map(actors.map((a) => [a.aadObjectId, a]));
  expect(byName.get(USERS.coordOost.aad)!.roles.map((r) => `${r.role}:${r.groupName}`).sort()).toEqual(['coordinator:Oost', 'huisarts:Oost']);
  expect(byName.get(USERS.raad1.aad)!.roles.map((r) => `${r.role}:${r.groupName}`).sort()).toEqual(['huisarts:Noord', 'raadslid:Oost']);
  expect(byName.get(USERS.apoOost.aad)!.roles.map((r) => r.role)).toEqual(['apotheker']);
  expect(byName.get(USERS.stranger.aad)!.personId).toBeNull();
  // served from the cache now
  await t.bot.services.groups.resolveActor(identity(USERS.gpOost));
  expect(spy).toHaveBeenCalledTimes(1);
});

test('a role change while a lookup is under way is not hidden behind a cached copy of the old roles', async () => {
  const groups = t.bot.services.groups;
  const original = groupsRepo.findPeopleByAad;
  const spy = jest.spyOn(groupsRepo, 'findPeopleByAad').mockImplementationOnce(async (db, ids) => {
    const read = await original(db, ids);
    groups.invalidateActors(); // a role was granted after the rows were read (grant paths call this)
    return read;
  });
  await groups.resolveActor(identity(USERS.gpOost2));
  await groups.resolveActor(identity(USERS.gpOost2));
  expect(spy).toHaveBeenCalledTimes(2); // read again, not served from a cache filled with the old roles
});
