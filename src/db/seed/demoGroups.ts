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

const FIRST = ['Anouk', 'Bas', 'Charlotte', 'Daan', 'Eva', 'Fatima', 'Gijs', 'Hanna', 'Ismail', 'Joost', 'Karin', 'Lars', 'Mila', 'Noor', 'Olaf', 'Priya', 'Ruben', 'Sanne', 'Tim', 'Yara'];
const LAST = ['de Vries', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'Bos', 'Vos', 'Peters', 'Hendriks', 'van Dijk', 'Yılmaz', 'El Idrissi', 'Kramer', 'Dekker'];

export async function seedDemoGroups(db: Db): Promise<void> {
  await db.$transaction(async (tx) => {
    const groupIds = new Map<string, string>();
    for (const name of DEMO_GROUPS) {
      const g = await tx.wijkGroup.create({ data: { name, slug: slugify(name), region: 'Amsterdam' }, select: { id: true } });
      groupIds.set(name, g.id);
    }
    let n = 0;
    // ~11 GPs per group, one of them coordinator for two groups, one raadslid per group, an apotheker
    for (const [gi, name] of DEMO_GROUPS.entries()) {
      for (let i = 0; i < 11; i++) {
        n++;
        const personName = `${FIRST[(n * 7) % FIRST.length]} ${LAST[(n * 11) % LAST.length]}`;
        const p = await tx.person.create({ data: { name: personName, email: `demo.huisarts${n}@wijkbot.example` }, select: { id: true } });
        const roles: Role[] = ['huisarts'];
        if (i === 0) roles.push('raadslid');
        for (const role of roles) await tx.membership.create({ data: { personId: p.id, role, groupId: groupIds.get(name)!, scope: groupIds.get(name)! } });
      }
      const apo = await tx.person.create({ data: { name: `Apotheek ${name} (demo)`, email: `demo.apotheek${gi}@wijkbot.example` }, select: { id: true } });
      await tx.membership.create({ data: { personId: apo.id, role: 'apotheker', groupId: groupIds.get(name)!, scope: groupIds.get(name)! } });
    }
    for (const u of PLAYGROUND_USERS) {
      const p = await tx.person.create({ data: { name: u.name, email: u.email, aadObjectId: u.aad }, select: { id: true } });
      for (const [role, group] of u.roles) {
        const groupId = group ? groupIds.get(group)! : null;
        await tx.membership.create({ data: { personId: p.id, role, groupId, scope: groupId ?? '*' } });
      }
    }
    await recordAudit(tx, { actorId: null, actorLabel: 'systeem (demo)', action: 'demo.seed', entityType: 'Roster', entityId: 'demo', details: { groups: DEMO_GROUPS.length } });
  }, { timeout: 60_000 });
}
