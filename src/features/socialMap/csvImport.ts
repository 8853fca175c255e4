/**
 * `npm run kaart -- import`: validate the whole file, match every row to a stored partner, then write in
 * short chunks, so that an import into the data of a running bot never blocks it.
 *
 * Why chunks: SQLite has one writer at a time. One transaction for a large file held the write lock for
 * as long as the import took (5,000 changed rows: 25 s), and every turn of the running bot (each writes its
 * dedupe record) waited past the 5 s busy timeout and failed with "Er ging iets mis". Now a chunk of
 * IMPORT_CHUNK rows is one transaction of a few tens of milliseconds, followed by a pause as long as the
 * chunk took, so a waiting writer always gets its turn (SQLite's busy handler retries every ≤ 100 ms).
 *
 * Each chunk keeps the data consistent: it holds whole partners, bumps the data version and stamps its
 * rows (so a running bot shows them at its next lookup, see mapSync.ts). All validation happens before
 * the first write, so a file with errors writes nothing. If writing stops half-way (disk full, a crash),
 * what was written stays and the message says so: importing the same file again finishes the job, because
 * rows match stored partners by AGB-code or name + organisation (updated, never doubled).
 */
import type { Db } from '../../db/client';
import { recordAudit } from '../audit/auditLog';
import { DomainError } from '../errors';
import { nameIdentityKey, parsePartnerCsv, type CsvError } from './csvFormat';
import { renderMessage } from './messages';
import { bumpMapVersion, newPartnerId, partnerColumns, writePartners } from './repository';
import { inStorageOrder } from './storageOrder';
import type { Partner, PartnerInput } from './types';

/** Rows per write transaction: ~20–60 ms each on SQLite, short enough for a turn to slip in between. */
export const IMPORT_CHUNK = 500;
/** The smallest pause between chunks; the real pause is as long as the chunk took (half the time for others). */
const MIN_PAUSE_MS = 5;

export type ImportOutcome =
  | { ok: false; errors: CsvError[] }
  | { ok: true; dryRun: boolean; rows: number; created: number; updated: number; unchanged: number; warnings: CsvError[] };

export interface ImportProgress {
  phase: 'validated' | 'writing';
  written: number;
  total: number;
}

export interface ImportOptions {
  dryRun: boolean;
  actorLabel: string;
  /** Called once validation is done and after every chunk (the CLI shows it on the terminal). */
  onProgress?: (p: ImportProgress) => void;
}

export interface ImportDeps {
  db: Db;
  today: string;
  /** The stored partners to match rows against. */
  existing: () => Promise<Partner[]>;
  /** Called with each chunk once it is committed (the bot's own index follows at once). */
  written?: (partners: Partner[]) => void;
}

/**
 * A row updates the stored partner with the same AGB-code, or, when either has none, the same name +
 * organisation. An import never erases a stored AGB-code (a row without one keeps it).
 */
export async function importPartnerCsv(deps: ImportDeps, text: string, opts: ImportOptions): Promise<ImportOutcome> {
  const parsed = parsePartnerCsv(text, { today: deps.today });
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  const plan = planImport(parsed.rows, parsed.lines, await deps.existing());
  if (!plan.ok) return plan;
  const { creates, updates, unchanged } = plan;
  const outcome = { ok: true as const, dryRun: opts.dryRun, rows: parsed.rows.length, created: creates.length, updated: updates.length, unchanged, warnings: parsed.warnings };
  // new partners written in storage order: a running index numbers them side by side however the file was
  // sorted, chunk after chunk (storageOrder.ts); the order of the rows in the table means nothing
  const writes = [...inStorageOrder(creates), ...updates];
  opts.onProgress?.({ phase: 'validated', written: 0, total: writes.length });
  if (opts.dryRun || !writes.length) return outcome;

  const now = new Date(); // row timestamps: wall clock, like Prisma's @updatedAt
  let written = 0;
  try {
    for (let i = 0; i < writes.length; i += IMPORT_CHUNK) {
      const chunk = writes.slice(i, i + IMPORT_CHUNK);
      const started = Date.now();
      await deps.db.$transaction(async (tx) => {
        const seq = await bumpMapVersion(tx);
        await writePartners(tx, chunk, now, seq);
        // with the first rows, so every written row is covered by the audit trail even if the rest fails
        if (i === 0) {
          await recordAudit(tx, {
            actorId: null, actorLabel: opts.actorLabel.slice(0, 120), action: 'partner.import', entityType: 'Partner', entityId: 'csv',
            details: { rows: outcome.rows, created: outcome.created, updated: outcome.updated, unchanged, chunks: Math.ceil(writes.length / IMPORT_CHUNK) },
          });
        }
      }, { timeout: 60_000, maxWait: 30_000 });
      written += chunk.length;
      deps.written?.(chunk);
      opts.onProgress?.({ phase: 'writing', written, total: writes.length });
      if (written < writes.length) await pause(Math.max(MIN_PAUSE_MS, Date.now() - started));
    }
  } catch (err) {
    if (err instanceof DomainError) throw err;
    throw new DomainError('socialMap.import.interrupted', { written, total: writes.length, reason: firstLine(err) });
  }
  return outcome;
}

type Plan = { ok: true; creates: Partner[]; updates: Partner[]; unchanged: number } | { ok: false; errors: CsvError[] };

function planImport(rows: PartnerInput[], lines: number[], existing: Partner[]): Plan {
  const byAgb = new Map<string, Partner>();
  const byName = new Map<string, Partner[]>();
  for (const p of existing) {
    if (p.agb) byAgb.set(p.agb, p);
    const k = nameIdentityKey(p);
    const list = byName.get(k);
    if (list) list.push(p);
    else byName.set(k, [p]);
  }
  const errors: CsvError[] = [];
  const claimed = new Map<string, number>();
  const creates: Partner[] = [];
  const updates: Partner[] = [];
  let unchanged = 0;
  rows.forEach((row, i) => {
    const line = lines[i]!;
    let match: Partner | undefined;
    const sameName = byName.get(nameIdentityKey(row)) ?? [];
    if (row.agb) match = byAgb.get(row.agb) ?? sameName.find((p) => !p.agb);
    else if (sameName.length > 1) {
      errors.push(csvError(line, 'naam', 'socialMap.csv.ambiguousMatch', { count: sameName.length }));
      return;
    } else match = sameName[0];
    if (!match) {
      creates.push({ ...row, id: newPartnerId() });
      return;
    }
    const first = claimed.get(match.id);
    if (first !== undefined) {
      errors.push(csvError(line, row.agb ? 'agb' : 'naam', 'socialMap.csv.sameTarget', { line: first }));
      return;
    }
    claimed.set(match.id, line);
    const next: Partner = { ...row, id: match.id, agb: row.agb ?? match.agb };
    if (sameContent(match, next)) unchanged++;
    else updates.push(next);
  });
  return errors.length ? { ok: false, errors } : { ok: true, creates, updates, unchanged };
}

function sameContent(a: PartnerInput, b: PartnerInput): boolean {
  return JSON.stringify(partnerColumns(a)) === JSON.stringify(partnerColumns(b));
}

function csvError(line: number, column: string, code: string, params: Record<string, string | number>): CsvError {
  return { line, column, code, params, reason: renderMessage(code, params) };
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The database's own reason, one line, no stack: it ends up on the coordinator's terminal. */
function firstLine(err: unknown): string {
  return String((err as Error)?.message ?? err).split('\n').map((l) => l.trim()).filter(Boolean).slice(-1)[0]?.slice(0, 200) ?? '?';
}
