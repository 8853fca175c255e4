/**
 * Partner rows ↔ domain Partner. The table is the durable copy; all searching happens in the in-memory
 * SocialMapIndex, which the service fills from `loadAllPartners` at start and keeps current: its own writes
 * at once, everybody else's (an import, another instance) through the data version (`readMapVersion`,
 * `partnersChangedAfter`) before it answers.
 */
import { randomBytes } from 'node:crypto';
import type { Db, Tx } from '../../db/client';
import type { PreparedSqlite } from '../../db/preparedSqlite';
import { Prisma, type Partner as PartnerRow } from '../../generated/prisma/client';
import { nameIdentityKey } from './csvFormat';
import { normaliseDiscipline } from './disciplines';
import { COMMUNICATION_CHANNELS, WEEKDAYS, type CommunicationChannel, type Partner, type PartnerInput, type Weekday } from './types';

/** Rows fetched per query when loading everything: bounded memory per round trip, few round trips. */
const LOAD_PAGE = 20_000;
/** Rows per INSERT statement: 500 × 27 columns stays under SQLite's 32,766 and PostgreSQL's 65,535 parameters. */
export const INSERT_CHUNK = 500;

export function newPartnerId(): string {
  // sortable by creation (time prefix) and unguessable enough for an id that appears in card data
  return `p${Date.now().toString(36)}${randomBytes(8).toString('hex')}`;
}

export function rowToPartner(r: PartnerRow): Partner {
  return {
    id: r.id,
    name: r.name,
    organisation: r.organisation,
    discipline: normaliseDiscipline(r.discipline),
    expertise: jsonList(r.expertise),
    wijken: jsonList(r.wijken),
    postcodeAreas: jsonList(r.postcodeAreas),
    address: r.address,
    city: r.city,
    postcode: r.postcode,
    workdays: r.workdays ? (r.workdays.split(';').filter((d) => (WEEKDAYS as readonly string[]).includes(d)) as Weekday[]) : [],
    intakeStop: { active: r.intakeStop, until: r.intakeStopUntil, note: r.intakeStopNote },
    waitWeeks: r.waitWeeks,
    phone: r.phone,
    email: r.email,
    website: r.website,
    communication: jsonList(r.communication).filter((c): c is CommunicationChannel => (COMMUNICATION_CHANNELS as readonly string[]).includes(c)),
    agb: r.agb,
    lastCheckedAt: r.lastCheckedAt,
    lastCheckedBy: r.lastCheckedBy,
  };
}

/** Columns of a partner (everything but id and timestamps). */
export function partnerColumns(p: PartnerInput): Omit<Prisma.PartnerUncheckedCreateInput, 'id' | 'createdAt' | 'updatedAt' | 'lastCheckedById'> {
  return {
    name: p.name,
    organisation: p.organisation,
    nameKey: nameIdentityKey(p),
    discipline: p.discipline,
    expertise: JSON.stringify(p.expertise),
    wijken: JSON.stringify(p.wijken),
    postcodeAreas: JSON.stringify(p.postcodeAreas),
    address: p.address,
    city: p.city,
    postcode: p.postcode,
    workdays: p.workdays.join(';'),
    intakeStop: p.intakeStop.active,
    intakeStopUntil: p.intakeStop.until,
    intakeStopNote: p.intakeStop.note,
    waitWeeks: p.waitWeeks,
    phone: p.phone,
    email: p.email,
    website: p.website,
    communication: JSON.stringify(p.communication),
    agb: p.agb,
    lastCheckedAt: p.lastCheckedAt,
    lastCheckedBy: p.lastCheckedBy,
  };
}

export async function loadAllPartners(db: Db): Promise<Partner[]> {
  const out: Partner[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await db.partner.findMany({
      take: LOAD_PAGE,
      ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
      orderBy: { id: 'asc' },
    });
    for (const r of page) out.push(rowToPartner(r));
    if (page.length < LOAD_PAGE) return out;
    cursor = page[page.length - 1]!.id;
  }
}

/** Rows read per query when catching up with changes (bounded memory, and a lookup waits on few of them). */
export const CHANGE_PAGE = 5_000;

const MAP_VERSION_ROW = 1;

/** The social map's data version: one small read, done before answering a lookup. */
export async function readMapVersion(db: Db | Tx): Promise<number> {
  const row = await db.socialMapVersion.findUnique({ where: { id: MAP_VERSION_ROW }, select: { version: true } });
  return row?.version ?? 0;
}

/**
 * The same read through the embedded database's fast lane (db/preparedSqlite.ts), for the check before
 * every lookup: through Prisma this one-row read cost ~1-1.5 ms of a lookup turn, prepared once well under
 * 0.1 ms. Undefined when the lane cannot answer at once (PostgreSQL, a lock held elsewhere): then
 * readMapVersion. In WAL mode a statement outside a transaction reads the newest commit of any process.
 */
export function readMapVersionFast(lane: PreparedSqlite): number | undefined {
  return lane.single((s) => s.get<{ version: number }>(`SELECT "version" FROM "SocialMapVersion" WHERE "id" = ?`, MAP_VERSION_ROW)?.version ?? 0);
}

/**
 * Bumps the data version inside a transaction that changes partners; stamp the changed rows with the
 * result. The update takes the version row's write lock until commit, so versions commit in order (a
 * reader that sees N has every write up to N) on SQLite and PostgreSQL alike.
 */
export async function bumpMapVersion(tx: Tx): Promise<number> {
  const row = await tx.socialMapVersion.upsert({
    where: { id: MAP_VERSION_ROW },
    create: { id: MAP_VERSION_ROW, version: 1 },
    update: { version: { increment: 1 } },
    select: { version: true },
  });
  return row.version;
}

/**
 * Rows stamped after `after` (a change stamp and, within it, a partner id; id null: all of that stamp was
 * seen), oldest first, one page: the caller pages on with the last row's (changeSeq, id) until a page
 * comes back short.
 */
export async function partnersChangedAfter(db: Db, after: { seq: number; id: string | null }, take = CHANGE_PAGE): Promise<{ partner: Partner; seq: number }[]> {
  const rows = await db.partner.findMany({
    where: after.id === null ? { changeSeq: { gt: after.seq } } : { OR: [{ changeSeq: { gt: after.seq } }, { changeSeq: after.seq, id: { gt: after.id } }] },
    orderBy: [{ changeSeq: 'asc' }, { id: 'asc' }],
    take,
  });
  return rows.map((r) => ({ partner: rowToPartner(r), seq: r.changeSeq }));
}

/**
 * Writes partners, new or existing (by id), as multi-row INSERT … ON CONFLICT ("id") DO UPDATE statements
 * built with Prisma.sql (placeholders per database, values always bound, never spliced): the same SQL for
 * SQLite and PostgreSQL. One statement per INSERT_CHUNK rows, so an update costs what an insert costs
 * (measured: 5,000 updated rows took 24.7 s as one Prisma update per row). `createdAt` keeps its value on
 * an update; values are stored exactly as Prisma stores them (checked by reading the rows back through the
 * client in the tests). For imports and demo data: `lastCheckedById` (a person who checked in chat) is cleared.
 */
export async function writePartners(tx: Tx, partners: Partner[], now: Date, changeSeq: number): Promise<void> {
  if (!partners.length) return;
  const columns = Object.keys(rowValues(partners[0]!, now, changeSeq));
  const head = Prisma.raw(columns.map((c) => `"${c}"`).join(', '));
  const set = Prisma.raw(columns.filter((c) => c !== 'id' && c !== 'createdAt').map((c) => `"${c}" = excluded."${c}"`).join(', '));
  for (let i = 0; i < partners.length; i += INSERT_CHUNK) {
    const rows = partners.slice(i, i + INSERT_CHUNK).map((p) => {
      const values = rowValues(p, now, changeSeq);
      return Prisma.sql`(${Prisma.join(columns.map((c) => values[c]))})`;
    });
    await tx.$executeRaw(Prisma.sql`INSERT INTO "Partner" (${head}) VALUES ${Prisma.join(rows)} ON CONFLICT ("id") DO UPDATE SET ${set}`);
  }
}

function rowValues(p: Partner, now: Date, changeSeq: number): Record<string, unknown> {
  return { id: p.id, ...partnerColumns(p), lastCheckedById: null, createdAt: now, updatedAt: now, changeSeq };
}

export async function partnerCount(db: Db): Promise<number> {
  return db.partner.count();
}

function jsonList(text: string): string[] {
  try {
    const v: unknown = JSON.parse(text);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}
