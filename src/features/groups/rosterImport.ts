/**
 * Applying a validated roster file (rosterCsv.ts) to the database without stopping a running bot.
 *
 * One transaction for the whole file held the database's single write lock for as long as the import ran
 * (20,000 rows: 72 s), so the bot's own writes — the dedupe row every turn makes, votes — timed out.
 * Now the import works in two phases:
 *
 * 1. Plan, reading only: the file's people are looked up in batches, and every conflict with what Wijkbot
 *    already holds is found and named before anything is written (one person's Entra id in the file with
 *    another person's e-mail address, an e-mail address that belongs to someone with another Entra id).
 * 2. Write in short chunks: new wijkgroepen first, then a few hundred rows' worth of people at a time, each
 *    person with all their roles in one transaction together with its audit line, so every chunk leaves the
 *    data consistent. Between chunks the import pauses at least as long as the chunk took, so the bot's
 *    writes get the lock (SQLite's busy handler retries every ≤100 ms; the pause is longer than that).
 *    Each chunk re-reads its people, so a change made by the bot since the plan is respected; one that now
 *    conflicts stops the import with the line, keeping the chunks already written (the import is additive
 *    and idempotent: running it again completes it).
 *
 * Additive on purpose: a file never removes someone's role (`rol weg` does), and importing the same file
 * twice changes nothing.
 */
import { randomUUID } from 'node:crypto';
import type { Db, Tx } from '../../db/client';
import { isUniqueViolation } from '../../db/client';
import { recordAudit } from '../audit/auditLog';
import { scopeOf } from './repository';
import type { RosterProblem, RosterRow } from './rosterCsv';
import { slugify, type Role } from './types';

export interface RosterPlan {
  groupsToCreate: string[];
  peopleToCreate: string[];
  peopleToUpdate: string[];
  membershipsToAdd: { name: string; role: Role; groupName: string | null }[];
  unchanged: number;
}

export type RosterImportResult = { ok: true; plan: RosterPlan; chunks: number } | { ok: false; problems: RosterProblem[] };

export interface RosterImportOptions {
  dryRun: boolean;
  actorLabel: string;
  /** rows per write transaction (tests and the benchmark vary it) */
  chunkRows?: number;
  /** the least pause between two write transactions */
  minPauseMs?: number;
}

/** A few hundred rows: a chunk's transaction stays in the tens of milliseconds. */
export const ROSTER_CHUNK_ROWS = 200;
/** Longer than SQLite's longest busy-handler sleep (100 ms), so a waiting writer always finds the lock free. */
export const ROSTER_MIN_PAUSE_MS = 120;
/**
 * Prisma's interactive transactions give up after 5 s; a chunk takes tens of milliseconds, but on a
 * machine under heavy load (measured: 0.4–0.9 s per 200 rows at load 14 on 2 cores) it must not fail.
 */
const CHUNK_TX = { maxWait: 30_000, timeout: 60_000 };
/** Ids per IN (…) list: well within SQLite's and PostgreSQL's parameter limits. */
const READ_BATCH = 500;

/** A write that failed part-way: the line it stopped at, in Dutch; earlier chunks are kept. */
export class RosterWriteError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
    readonly rowsWritten: number,
  ) {
    super(`regel ${line}: ${reason}`);
  }
}

interface DbPerson { id: string; name: string; email: string | null; aadObjectId: string | null }

/** One person as the file describes them, with all their rows. */
interface FilePerson {
  aadObjectId: string | null;
  email: string | null;
  name: string;
  rows: RosterRow[];
}

function peopleOf(rows: RosterRow[]): FilePerson[] {
  const people: FilePerson[] = [];
  const byAad = new Map<string, FilePerson>();
  const byEmail = new Map<string, FilePerson>();
  for (const row of rows) {
    // rosterCsv.ts has checked that rows about one person agree; here they are only gathered
    let p = (row.aadObjectId && byAad.get(row.aadObjectId)) || (row.email && byEmail.get(row.email)) || undefined;
    if (!p) people.push((p = { aadObjectId: null, email: null, name: row.name, rows: [] }));
    p.aadObjectId ??= row.aadObjectId;
    p.email ??= row.email;
    p.rows.push(row);
    if (p.aadObjectId) byAad.set(p.aadObjectId, p);
    if (p.email) byEmail.set(p.email, p);
  }
  return people;
}

async function inBatches<T>(values: string[], read: (batch: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < values.length; i += READ_BATCH) out.push(...(await read(values.slice(i, i + READ_BATCH))));
  return out;
}

const PERSON_SELECT = { id: true, name: true, email: true, aadObjectId: true } as const;

async function readPeople(db: Db | Tx, people: FilePerson[]): Promise<{ byAad: Map<string, DbPerson>; byEmail: Map<string, DbPerson> }> {
  const aads = people.flatMap((p) => (p.aadObjectId ? [p.aadObjectId] : []));
  const emails = people.flatMap((p) => (p.email ? [p.email] : []));
  const withAad = await inBatches(aads, (batch) => db.person.findMany({ where: { aadObjectId: { in: batch } }, select: PERSON_SELECT }));
  const withEmail = await inBatches(emails, (batch) => db.person.findMany({ where: { email: { in: batch } }, select: PERSON_SELECT }));
  return {
    byAad: new Map(withAad.map((p) => [p.aadObjectId!, p])),
    byEmail: new Map(withEmail.map((p) => [p.email!, p])),
  };
}

const label = (p: DbPerson) => `"${p.name}"${p.email ? ` (${p.email})` : ''}`;

type Resolution = { kind: 'conflict'; reason: string } | { kind: 'new' } | { kind: 'existing'; person: DbPerson; update: { name?: string; email?: string; aadObjectId?: string } };

/** The file's person against what Wijkbot holds: create, update, or a conflict named in Dutch. */
function resolve(p: FilePerson, known: { byAad: Map<string, DbPerson>; byEmail: Map<string, DbPerson> }): Resolution {
  const viaAad = p.aadObjectId ? known.byAad.get(p.aadObjectId) : undefined;
  const viaEmail = p.email ? known.byEmail.get(p.email) : undefined;
  if (viaAad && viaEmail && viaAad.id !== viaEmail.id) {
    return { kind: 'conflict', reason: `dit aad_object_id hoort in Wijkbot bij ${label(viaAad)}, maar ${p.email} bij ${label(viaEmail)}; pas het bestand aan (of eerst één van beide personen in Wijkbot)` };
  }
  if (!viaAad && viaEmail?.aadObjectId && p.aadObjectId) {
    return { kind: 'conflict', reason: `${p.email} hoort in Wijkbot bij ${label(viaEmail)} met een ander aad_object_id (${viaEmail.aadObjectId}); een import vervangt nooit iemands Entra-id` };
  }
  const existing = viaAad ?? viaEmail;
  if (!existing) return { kind: 'new' };
  const update: { name?: string; email?: string; aadObjectId?: string } = {};
  if (existing.name !== p.name) update.name = p.name;
  if (p.email && existing.email !== p.email) update.email = p.email;
  if (p.aadObjectId && existing.aadObjectId !== p.aadObjectId) update.aadObjectId = p.aadObjectId;
  return { kind: 'existing', person: existing, update };
}

async function readMemberships(db: Db | Tx, personIds: string[]): Promise<Set<string>> {
  const rows = await inBatches(personIds, (batch) => db.membership.findMany({ where: { personId: { in: batch } }, select: { personId: true, role: true, scope: true } }));
  return new Set(rows.map((m) => `${m.personId}|${m.role}|${m.scope}`));
}

/** Chunks of whole people, each about `size` rows. */
function chunksOf(people: FilePerson[], size: number): FilePerson[][] {
  const chunks: FilePerson[][] = [];
  let current: FilePerson[] = [];
  let rows = 0;
  for (const p of people) {
    current.push(p);
    rows += p.rows.length;
    if (rows >= size) {
      chunks.push(current);
      current = [];
      rows = 0;
    }
  }
  if (current.length) chunks.push(current);
  return chunks;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function importRoster(db: Db, rows: RosterRow[], opts: RosterImportOptions): Promise<RosterImportResult> {
  const people = peopleOf(rows);
  const groups = new Map((await db.wijkGroup.findMany({ select: { id: true, slug: true, name: true } })).map((g) => [g.slug, g]));
  const known = await readPeople(db, people);

  // ---- phase 1: the plan, and every conflict, before anything is written
  const plan: RosterPlan = { groupsToCreate: [], peopleToCreate: [], peopleToUpdate: [], membershipsToAdd: [], unchanged: 0 };
  const problems: RosterProblem[] = [];
  const newGroups = new Map<string, string>();
  for (const row of rows) {
    if (!row.groupName) continue;
    const slug = slugify(row.groupName);
    if (!groups.has(slug) && !newGroups.has(slug)) newGroups.set(slug, row.groupName);
  }
  plan.groupsToCreate = [...newGroups.values()];
  const resolutions = people.map((p) => resolve(p, known));
  const existingIds = resolutions.flatMap((r) => (r.kind === 'existing' ? [r.person.id] : []));
  const memberships = await readMemberships(db, existingIds);
  const claimedBy = new Map<string, FilePerson>();
  people.forEach((p, i) => {
    const r = resolutions[i]!;
    if (r.kind === 'conflict') {
      problems.push({ line: p.rows[0]!.line, reason: r.reason });
      return;
    }
    if (r.kind === 'existing') {
      const other = claimedBy.get(r.person.id);
      if (other) {
        problems.push({ line: p.rows[0]!.line, reason: `dit is in Wijkbot dezelfde persoon als op regel ${other.rows[0]!.line} (${label(r.person)}), maar het bestand geeft een ander e-mailadres of aad_object_id` });
        return;
      }
      claimedBy.set(r.person.id, p);
    }
    if (r.kind === 'new') plan.peopleToCreate.push(p.name);
    else if (Object.keys(r.update).length) plan.peopleToUpdate.push(p.name);
    for (const row of p.rows) {
      const group = row.groupName ? groups.get(slugify(row.groupName)) : null;
      const exists = r.kind === 'existing' && (row.groupName === null || group) && memberships.has(`${r.person.id}|${row.role}|${scopeOf(group?.id ?? null)}`);
      if (exists) plan.unchanged++;
      else plan.membershipsToAdd.push({ name: p.name, role: row.role, groupName: group?.name ?? row.groupName });
    }
  });
  if (problems.length) return { ok: false, problems: problems.sort((a, b) => a.line - b.line) };
  if (opts.dryRun) return { ok: true, plan, chunks: 0 };

  // ---- phase 2: short transactions, each consistent on its own
  const importId = randomUUID().slice(0, 8);
  const chunks = chunksOf(people, opts.chunkRows ?? ROSTER_CHUNK_ROWS);
  const total = chunks.length + (newGroups.size ? 1 : 0);
  let chunkNo = 0;
  let rowsWritten = 0;
  const audit = (tx: Tx, details: Record<string, number>) =>
    recordAudit(tx, { actorId: null, actorLabel: opts.actorLabel, action: 'roster.import', entityType: 'Roster', entityId: 'roster', details: { importId, chunk: chunkNo, of: total, ...details } });
  const pauseAfter = async (startedAt: number) => sleep(Math.max(opts.minPauseMs ?? ROSTER_MIN_PAUSE_MS, Date.now() - startedAt));

  if (newGroups.size) {
    chunkNo++;
    const startedAt = Date.now();
    await db.$transaction(async (tx) => {
      for (const [slug, name] of newGroups) {
        // another import or the bot may have made it since the plan: then it is used as it is
        const made = await tx.wijkGroup.upsert({ where: { slug }, update: {}, create: { slug, name }, select: { id: true, slug: true, name: true } });
        groups.set(slug, made);
      }
      await audit(tx, { groups: newGroups.size });
    }, CHUNK_TX);
    await pauseAfter(startedAt);
  }

  for (const chunk of chunks) {
    chunkNo++;
    const startedAt = Date.now();
    const firstLine = chunk[0]!.rows[0]!.line;
    try {
      await db.$transaction(async (tx) => writeChunk(tx, chunk, groups, audit), CHUNK_TX);
    } catch (err) {
      if (err instanceof RosterWriteError) throw new RosterWriteError(err.line, err.reason, rowsWritten);
      const reason = isUniqueViolation(err)
        ? 'een e-mailadres of aad_object_id in dit deel van het bestand is intussen in Wijkbot aan iemand anders gegeven'
        : `schrijven mislukte (${(err as { code?: string }).code ?? (err as Error).name})`;
      throw new RosterWriteError(firstLine, `${reason}; draai de import opnieuw (wat al geïmporteerd is, blijft ongewijzigd)`, rowsWritten);
    }
    rowsWritten += chunk.reduce((n, p) => n + p.rows.length, 0);
    if (chunk !== chunks[chunks.length - 1]) await pauseAfter(startedAt);
  }
  return { ok: true, plan, chunks: total };
}

/** One chunk: re-read its people (the bot may have changed them since the plan), then write what is missing. */
async function writeChunk(
  tx: Tx,
  chunk: FilePerson[],
  groups: Map<string, { id: string; name: string }>,
  audit: (tx: Tx, details: Record<string, number>) => Promise<void>,
): Promise<void> {
  const known = await readPeople(tx, chunk);
  const ids = new Map<FilePerson, string>();
  const toCreate: FilePerson[] = [];
  let updated = 0;
  for (const p of chunk) {
    const r = resolve(p, known);
    if (r.kind === 'conflict') throw new RosterWriteError(p.rows[0]!.line, `${r.reason} (intussen gewijzigd)`, 0);
    if (r.kind === 'new') toCreate.push(p);
    else {
      ids.set(p, r.person.id);
      if (Object.keys(r.update).length) {
        await tx.person.update({ where: { id: r.person.id }, data: r.update, select: { id: true } });
        updated++;
      }
    }
  }
  if (toCreate.length) {
    const made = await tx.person.createManyAndReturn({ data: toCreate.map((p) => ({ name: p.name, email: p.email, aadObjectId: p.aadObjectId })), select: PERSON_SELECT });
    const byKey = new Map(made.map((m) => [m.aadObjectId ?? m.email!, m.id]));
    for (const p of toCreate) ids.set(p, byKey.get(p.aadObjectId ?? p.email!)!);
  }
  const existing = await readMemberships(tx, [...ids.values()]);
  const missing: { personId: string; role: Role; groupId: string | null; scope: string }[] = [];
  for (const p of chunk) {
    const personId = ids.get(p)!;
    for (const row of p.rows) {
      const groupId = row.groupName ? groups.get(slugify(row.groupName))!.id : null;
      const scope = scopeOf(groupId);
      const key = `${personId}|${row.role}|${scope}`;
      if (existing.has(key)) continue;
      existing.add(key);
      missing.push({ personId, role: row.role, groupId, scope });
    }
  }
  if (missing.length) await tx.membership.createMany({ data: missing });
  if (toCreate.length || updated || missing.length) await audit(tx, { people: toCreate.length, updated, memberships: missing.length });
}
