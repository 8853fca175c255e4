/**
 * Demo wijkgroepen and people for `npm start` on an empty database. Synthetic names only. The Agents
 * Playground's built-in users (Alex Wilber, Megan Bowen, ...) get roles so every feature can be tried there.
 */
import type { Db } from '../client';
import { recordAudit } from '../../features/audit/auditLog';
import { slugify, type Role } from '../../features/groups/types';

export const DEMO_GROUPS = [
  'Oost', 'Noord', 'Zuidoost', 'Nieuw-West', 'West', 'Zuid', 'Centrum', 'De Pijp', 'Watergraafsmeer', 'IJburg',
  'Bos en Lommer', 'Slotervaart', 'Buitenveldert',
];

/** aadObjectIds of the Playground's default users (see @microsoft/m365agentsplayground's default config). */
export const PLAYGROUND_USERS: { aad: string; name: string; email: string; roles: [Role, string | null][] }[] = [
  { aad: '00000000-0000-0000-0000-0000000000020', name: 'Alex Wilber', email: 'alexw@example.com', roles: [['admin', null], ['coordinator', 'Oost'], ['huisarts', 'Oost'], ['raadslid', 'Oost']] },
  { aad: '00000000-0000-0000-0000-0000000000021', name: 'Megan Bowen', email: 'meganb@example.com', roles: [['huisarts', 'Oost'], ['raadslid', 'Noord']] },
  { aad: '00000000-0000-0000-0000-0000000000022', name: 'Adele Vance', email: 'adelev@example.com', roles: [['apotheker', 'Oost']] },
  { aad: '00000000-0000-0000-0000-0000000000023', name: 'Isaiah Langer', email: 'isaiahl@example.com', roles: [['wijkverpleegkundige', 'Oost']] },
  { aad: '00000000-0000-0000-0000-0000000000024', name: 'Patti Fernandez', email: 'pattif@example.com', roles: [['huisarts', 'Noord'], ['raadslid', 'Zuidoost']] },
  { aad: '00000000-0000-0000-0000-0000000000025', name: 'Lynne Robbins', email: 'lynner@example.com', roles: [['coordinator', 'Noord'], ['huisarts', 'Noord']] },
];

/**
 * The Playground's own team in its default configuration: "My Team", whose General channel has the team's
 * id. Its tenant id is a fixed placeholder no real tenant has. On first contact from the Playground, the
 * demo links this channel to Oost (src/teams/handlers/demo.ts), so invitations, polls and verslagen of the
 * demo have somewhere to go without anyone knowing these ids.
 */
export const PLAYGROUND_TEAM = {
  tenantId: '00000000-0000-0000-0000-0000000000001',
  teamId: 'team-id',
  teamName: 'My Team',
  channelId: 'team-id',
  channelName: 'General',
  groupSlug: 'oost',
} as const;

const FIRST = ['Anouk', 'Bas', 'Charlotte', 'Daan', 'Eva', 'Fatima', 'Gijs', 'Hanna', 'Ismail', 'Joost', 'Karin', 'Lars', 'Mila', 'Noor', 'Olaf', 'Priya', 'Ruben', 'Sanne', 'Tim', 'Yara'];
const LAST = ['de Vries', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'Bos', 'Vos', 'Peters', 'Hendriks', 'van Dijk', 'Yılmaz', 'El Idrissi', 'Kramer', 'Dekker'];

/** A demo person with the roles they hold: group name, or null for a role without a group (admin). */
interface DemoPerson {
  name: string;
  email: string;
  aad?: string;
  roles: [Role, string | null][];
}

function demoPeople(): DemoPerson[] {
  const people: DemoPerson[] = [];
  let n = 0;
  // ~11 GPs per group, the first of them raadslid, and an apotheker per group
  for (const [gi, group] of DEMO_GROUPS.entries()) {
    for (let i = 0; i < 11; i++) {
      n++;
      const roles: [Role, string | null][] = [['huisarts', group]];
      if (i === 0) roles.push(['raadslid', group]);
      people.push({ name: `${FIRST[(n * 7) % FIRST.length]} ${LAST[(n * 11) % LAST.length]}`, email: `demo.huisarts${n}@wijkbot.example`, roles });
    }
    people.push({ name: `Apotheek ${group} (demo)`, email: `demo.apotheek${gi}@wijkbot.example`, roles: [['apotheker', group]] });
  }
  return [...people, ...PLAYGROUND_USERS];
}

/** Bulk inserts in one transaction: a few statements instead of ~340 (first start-to-ready counts). */
export async function seedDemoGroups(db: Db): Promise<void> {
  const people = demoPeople();
  await db.$transaction(async (tx) => {
    const groups = await tx.wijkGroup.createManyAndReturn({ data: DEMO_GROUPS.map((name) => ({ name, slug: slugify(name), region: 'Amsterdam' })), select: { id: true, name: true } });
    const groupIds = new Map(groups.map((g) => [g.name, g.id]));
    const created = await tx.person.createManyAndReturn({ data: people.map((p) => ({ name: p.name, email: p.email, aadObjectId: p.aad ?? null })), select: { id: true, email: true } });
    const personIds = new Map(created.map((p) => [p.email, p.id]));
    await tx.membership.createMany({
      data: people.flatMap((p) => p.roles.map(([role, group]) => {
        const groupId = group ? groupIds.get(group)! : null;
        return { personId: personIds.get(p.email)!, role, groupId, scope: groupId ?? '*' };
      })),
    });
    await recordAudit(tx, { actorId: null, actorLabel: 'systeem (demo)', action: 'demo.seed', entityType: 'Roster', entityId: 'demo', details: { groups: DEMO_GROUPS.length } });
  }, { timeout: 60_000 });
}
