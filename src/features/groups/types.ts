/** Roles and who may do what. Pure: no Teams or Prisma types. */
import { wordTable } from '../../text/wordTable';

export const ROLES = ['huisarts', 'coordinator', 'raadslid', 'apotheker', 'wijkverpleegkundige', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Roles that only make sense inside a wijkgroep; the others may be held without one ('*' scope). */
export const GROUP_ROLES: readonly Role[] = ['huisarts', 'coordinator', 'apotheker', 'wijkverpleegkundige'];
export const GLOBAL_SCOPE = '*';

export interface RoleGrant {
  role: Role;
  groupId: string | null;
  groupName: string | null;
}

/** Who is acting, resolved server-side from the activity (aadObjectId + tenant), never from card data. */
export interface Actor {
  personId: string | null; // null: not on the roster
  aadObjectId: string;
  tenantId: string;
  name: string;
  locale: Locale;
  roles: RoleGrant[];
}

export type Locale = 'nl' | 'en';

export function localeFrom(teamsLocale: string | undefined | null): Locale {
  return teamsLocale && teamsLocale.toLowerCase().startsWith('en') ? 'en' : 'nl';
}

const ROLE_ALIASES: Readonly<Record<string, Role>> = wordTable({
  huisarts: 'huisarts', ha: 'huisarts', gp: 'huisarts',
  coordinator: 'coordinator', 'coördinator': 'coordinator', wijkcoordinator: 'coordinator', 'wijkcoördinator': 'coordinator',
  raadslid: 'raadslid', 'roha-raad': 'raadslid', council: 'raadslid',
  apotheker: 'apotheker', pharmacist: 'apotheker',
  wijkverpleegkundige: 'wijkverpleegkundige', wv: 'wijkverpleegkundige', 'district-nurse': 'wijkverpleegkundige',
  admin: 'admin', beheerder: 'admin',
});

export function parseRole(word: string): Role | undefined {
  return ROLE_ALIASES[word.trim().toLowerCase()];
}

export function isAdmin(actor: Pick<Actor, 'roles'>): boolean {
  return actor.roles.some((r) => r.role === 'admin');
}

export function hasRole(actor: Pick<Actor, 'roles'>, role: Role, groupId?: string): boolean {
  return actor.roles.some((r) => r.role === role && (groupId === undefined || r.groupId === groupId));
}

export function isCoordinatorOf(actor: Pick<Actor, 'roles'>, groupId: string): boolean {
  return isAdmin(actor) || hasRole(actor, 'coordinator', groupId);
}

export function isMemberOf(actor: Pick<Actor, 'roles'>, groupId: string): boolean {
  return actor.roles.some((r) => r.groupId === groupId);
}

export function coordinatedGroupIds(actor: Pick<Actor, 'roles'>): string[] {
  return [...new Set(actor.roles.filter((r) => r.role === 'coordinator' && r.groupId).map((r) => r.groupId as string))];
}

/**
 * Admins grant anything. A coordinator grants and revokes the member roles of their own wijkgroep,
 * not coordinator or admin (that stays with the regional organisation).
 */
export function canManageRole(actor: Pick<Actor, 'roles'>, role: Role, groupId: string | null): boolean {
  if (isAdmin(actor)) return true;
  if (role === 'admin' || role === 'coordinator') return false;
  return groupId !== null && hasRole(actor, 'coordinator', groupId);
}

/** Lower-case ascii key for matching what people type ("Oost", "oost", "Wijkgroep Oost-Watergraafsmeer"). */
export function slugify(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/^wijkgroep\s+/, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export const EMAIL_PATTERN = /^[^\s@,;<>]+@[^\s@,;<>]+\.[a-z]{2,}$/i;
export const GUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** How a role reads for people (codes like "coordinator" and "admin" are for the data, never for display). */
export const ROLE_LABELS: Readonly<Record<Role, { nl: string; en: string }>> = {
  huisarts: { nl: 'huisarts', en: 'GP' },
  coordinator: { nl: 'coördinator', en: 'coordinator' },
  raadslid: { nl: 'raadslid', en: 'council member' },
  apotheker: { nl: 'apotheker', en: 'pharmacist' },
  wijkverpleegkundige: { nl: 'wijkverpleegkundige', en: 'district nurse' },
  admin: { nl: 'beheerder', en: 'administrator' },
};

/** The label of a role code; an unknown code (an old row) is shown as it is rather than hidden. */
export function roleLabel(role: string, locale: Locale): string {
  return (ROLE_LABELS as Record<string, { nl: string; en: string }>)[role]?.[locale] ?? role;
}

/** Role parameters for a message: `{roleNl}` / `{roleEn}` (the Teams layer picks by the reader's language). */
export function roleParams(role: Role): { roleNl: string; roleEn: string } {
  return { roleNl: ROLE_LABELS[role].nl, roleEn: ROLE_LABELS[role].en };
}
