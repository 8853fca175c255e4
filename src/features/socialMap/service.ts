/**
 * The social map as a service: the in-memory SocialMapIndex (all partners, loaded at start) in front of
 * the Partner table, written through on every change. Reads never touch the database, so a lookup costs
 * a parse and an index search (budget: p99 ≤ 20 ms at 100,000 partners).
 *
 * Who may change what is checked here, server-side: coordinators (of any wijkgroep) and admins maintain
 * the map; everyone on the roster may look up and report. Every change is audited in its own transaction
 * and sets "laatst gecontroleerd" to now, by the person who made it.
 *
 * Who hears about a report or a stale entry (documented rule): the coordinators of the wijkgroepen whose
 * wijk the partner serves (the group's name read as a wijk: "Oost" → oost; served = the partner's wijken,
 * its postcode areas and its own address); when no wijkgroep matches, every admin.
 *
 * Each process holds its own index. What another process wrote (an import, another instance) reaches it
 * through `sync()` (mapSync.ts), which the Teams module awaits before answering from the map.
 */
import { createHash } from 'node:crypto';
import { isUniqueViolation, type Db } from '../../db/client';
import type { PreparedSqlite } from '../../db/preparedSqlite';
import { auditActor, recordAudit } from '../audit/auditLog';
import { DomainError } from '../errors';
import { isAdmin, localeFrom, type Actor, type Locale } from '../groups/types';
import { parseDutchDate } from '../../dates/dutchDates';
import { checkPrivacy, describeFindings } from '../../privacy/privacyGuard';
import { toPartnerCsv } from './csvFormat';
import { importPartnerCsv, type ImportOptions, type ImportOutcome } from './csvImport';
import { generatePartners, showcasePartners } from './demoData';
import { amsterdamToday, checkDate } from './formats';
import { stalePartners, type StaleEntry } from './freshness';
import { parseFor, resolveNearMe } from './lookup';
import { emptyLookupQuery, type LookupQuery } from './queryParser';
import { MapSync } from './mapSync';
import { bumpMapVersion, loadAllPartners, partnerColumns, rowToPartner, writePartners } from './repository';
import { SocialMapIndex, type SearchResult } from './searchIndex';
import { fold, tokenize } from './text';
import { FRESHNESS, PARTNER_LIMITS, SEARCH_LIMITS, type Partner } from './types';
import { resolveWijk, wijkForPc4 } from './wijken';

export const REPORT_FIELDS = ['opnamestop', 'wachttijd', 'contact', 'gebied', 'bestaatNiet', 'anders'] as const;
export type ReportField = (typeof REPORT_FIELDS)[number];
/** The same person reporting the same field of the same partner again within this window is a repeat (redelivery, double click). */
export const REPORT_DEDUPE_MS = 10 * 60_000;

export interface LookupOutcome {
  query: LookupQuery;
  result: SearchResult;
  offset: number;
  limit: number;
}

export interface Recipient {
  personId: string;
  name: string;
  locale: Locale;
}

export type { ImportOutcome } from './csvImport';

export const canMaintainSocialMap = (a: Pick<Actor, 'roles'>): boolean => isAdmin(a) || a.roles.some((r) => r.role === 'coordinator');

/** Readings kept (service.parse): the last 500 texts of at most 200 characters, a few hundred kB at most. */
const READINGS_KEPT = 500;
const READING_KEPT_CHARS = 200;

function frozen(q: LookupQuery): LookupQuery {
  for (const list of [q.disciplines, q.expertise, q.areas.wijken, q.areas.postcodePrefixes, q.weekdays, q.freeText, q.words, q.corrections, q.understood]) Object.freeze(list);
  Object.freeze(q.areas);
  return Object.freeze(q);
}

export class SocialMapService {
  readonly index = new SocialMapIndex();
  private loaded = false;
  private readonly mapSync: MapSync;

  /** `lane`: the embedded database's fast lane, so the check before each lookup skips Prisma (none for the CLI). */
  constructor(private readonly deps: { db: Db; clock: () => Date; lane?: PreparedSqlite }) {
    this.mapSync = new MapSync({ db: deps.db, apply: (changed) => this.index.upsertAll(changed), lane: deps.lane });
  }

  /** How the data version was read before lookups: the embedded database's fast lane, or Prisma. */
  get versionReads(): Readonly<{ fast: number; fallback: number }> {
    return this.mapSync.versionReads;
  }

  get isLoaded(): boolean {
    return this.loaded;
  }

  /** When the index last read the partner table (load or sync); null before the first load. */
  get indexedAt(): Date | null {
    return this.loaded ? this.lastRead : null;
  }

  private lastRead = new Date(0);

  /** Today in Amsterdam, recomputed once a minute (a time-zone conversion per lookup showed in profiles). */
  today(): string {
    const minute = Math.floor(this.deps.clock().getTime() / 60_000);
    if (this.todayCache?.minute !== minute) this.todayCache = { minute, day: amsterdamToday(new Date(minute * 60_000)) };
    return this.todayCache.day;
  }

  private todayCache: { minute: number; day: string } | null = null;

  /** Fills the index from the table (at start). Returns the number of partners. */
  async load(): Promise<number> {
    const startedAt = new Date();
    await this.mapSync.beginLoad();
    const all = await loadAllPartners(this.deps.db);
    this.index.upsertAll(all);
    this.loaded = true;
    this.lastRead = startedAt;
    return all.length;
  }

  /**
   * Applies what others wrote since the last look (an import, another instance); one small read when
   * nothing changed. Await it before answering from the map. Resolves with the number of rows applied.
   */
  async sync(): Promise<number> {
    if (!this.loaded) return 0;
    // the read that answers began after this call, so the index holds every write committed before `asked`
    const asked = new Date();
    const applied = await this.mapSync.sync();
    this.lastRead = asked;
    return applied;
  }

  get(id: string): Partner | undefined {
    return this.index.get(id);
  }

  requirePartner(id: unknown): Partner {
    const p = typeof id === 'string' ? this.index.get(id) : undefined;
    if (!p) throw new DomainError('socialMap.partner.notFound');
    return p;
  }

  // ------------------------------------------------------------ lookup

  /**
   * Readings of the last texts on the map as it is now. A chat message is read twice on its turn (is it a
   * lookup? then the lookup itself) and GPs ask the same things again; a reading depends only on the text
   * and the map's own words, so it is kept per map generation. Frozen: every caller shares it.
   */
  private readonly readings = new Map<string, LookupQuery>();

  /** `asker`: who asks, for "bij mij in de buurt" / "in mijn wijk" (their wijkgroep's wijk). */
  parse(text: string, asker?: Pick<Actor, 'roles'>): LookupQuery {
    // a long chat text is no lookup anyone asks again: only short ones are kept, so the memory stays small
    const reading = text.length > READING_KEPT_CHARS ? parseFor(this.index, text) : this.keptReading(text);
    return resolveNearMe(reading, asker ? askerWijken(asker) : []);
  }

  /** Drops the kept readings: the next text is read as one never asked before (the bench's cold turns). */
  forgetReadings(): void {
    this.readings.clear();
  }

  private keptReading(text: string): LookupQuery {
    const key = `${this.index.generation}|${text}`;
    let reading = this.readings.get(key);
    if (reading === undefined) {
      reading = frozen(parseFor(this.index, text));
      if (this.readings.size >= READINGS_KEPT) this.readings.delete(this.readings.keys().next().value!);
      this.readings.set(key, reading);
    }
    return reading;
  }

  lookup(text: string, opts: { offset?: number; limit?: number; asker?: Pick<Actor, 'roles'> } = {}): LookupOutcome {
    return this.lookupQuery(this.parse(text, opts.asker), opts);
  }

  lookupQuery(query: LookupQuery, opts: { offset?: number; limit?: number } = {}): LookupOutcome {
    const offset = clampInt(opts.offset ?? 0, 0, SEARCH_LIMITS.maxOffset);
    const limit = clampInt(opts.limit ?? 5, 1, SEARCH_LIMITS.maxLimit);
    const result = this.index.search(query, { today: this.today(), offset, limit });
    return { query, result, offset, limit };
  }

  /** Completions of partner names for the compose box when the text is not (yet) a query with hits. */
  suggestPartners(text: string, limit: number): Partner[] {
    return this.index
      .suggest(text, limit)
      .filter((s) => s.kind === 'partner' && s.partnerId)
      .map((s) => this.index.get(s.partnerId!)!)
      .filter(Boolean);
  }

  isIntakeStopActive(p: Partner): boolean {
    return p.intakeStop.active && (p.intakeStop.until === null || p.intakeStop.until >= this.today());
  }

  // ------------------------------------------------------------ finding a partner by what a coordinator typed

  /**
   * An 8-digit AGB-code, or words of the name/organisation. One exact name (or "name — organisation")
   * wins; otherwise every partner whose name and organisation contain all typed words (as word prefixes).
   */
  findPartners(text: string): Partner[] {
    const typed = text.trim();
    if (/^\d{8}$/.test(typed)) {
      for (const p of this.index.partners()) if (p.agb === typed) return [p];
      return [];
    }
    const words = tokenize(typed).filter((w) => w.length >= 1);
    if (!words.length) return [];
    const q: LookupQuery = { ...emptyLookupQuery(), freeText: words.filter((w) => w.length >= SEARCH_LIMITS.minTermLength) };
    if (!q.freeText.length) return [];
    const hits = this.index.search(q, { today: this.today(), limit: SEARCH_LIMITS.maxLimit }).results.map((h) => h.partner);
    const all = hits.filter((p) => {
      const have = tokenize(`${p.name} ${p.organisation ?? ''}`);
      return words.every((w) => have.some((h) => h.startsWith(w)));
    });
    const folded = fold(typed).replace(/\s+/g, ' ');
    const exact = all.filter((p) => fold(p.name) === folded || fold(`${p.name} ${p.organisation ?? ''}`).replace(/\s+/g, ' ') === folded);
    return exact.length === 1 ? exact : all;
  }

  /** Every partner (the index is the in-memory copy of the table). */
  partnersSnapshot(): Partner[] {
    return [...this.index.partners()];
  }

  // ------------------------------------------------------------ changes from chat (coordinator or admin)

  async setIntakeStop(actor: Actor, partnerId: string, stop: { active: boolean; until: string | null }): Promise<Partner> {
    if (stop.until && stop.until < this.today()) throw new DomainError('socialMap.cmd.datePast', { date: stop.until });
    return this.change(actor, partnerId, 'partner.intakeStop', (p) => ({
      ...p,
      intakeStop: { active: stop.active, until: stop.active ? stop.until : null, note: stop.active ? p.intakeStop.note : null },
    }), { active: stop.active, until: stop.until });
  }

  async setWaitWeeks(actor: Actor, partnerId: string, weeks: number): Promise<Partner> {
    if (!Number.isInteger(weeks) || weeks < 0 || weeks > PARTNER_LIMITS.waitWeeksMax) throw new DomainError('socialMap.cmd.waitRange', { max: PARTNER_LIMITS.waitWeeksMax });
    return this.change(actor, partnerId, 'partner.waitTime', (p) => ({ ...p, waitWeeks: weeks }), { waitWeeks: weeks });
  }

  async markChecked(actor: Actor, partnerId: string): Promise<Partner> {
    return this.change(actor, partnerId, 'partner.checked', (p) => p, {});
  }

  requireMaintainer(actor: Actor): void {
    if (!actor.personId || !canMaintainSocialMap(actor)) throw new DomainError('socialMap.cmd.notAllowed');
  }

  private async change(actor: Actor, partnerId: string, action: string, mutate: (p: Partner) => Partner, details: Record<string, unknown>): Promise<Partner> {
    this.requireMaintainer(actor);
    const now = this.deps.clock();
    const next = await this.deps.db.$transaction(async (tx) => {
      // the row, not the index, is the truth inside the transaction (another instance may have changed it)
      const row = await tx.partner.findUnique({ where: { id: partnerId } });
      if (!row) throw new DomainError('socialMap.partner.notFound');
      const before = rowToPartner(row);
      const after: Partner = { ...mutate(before), lastCheckedAt: now, lastCheckedBy: actor.name.slice(0, PARTNER_LIMITS.checkedByMax) };
      const changeSeq = await bumpMapVersion(tx);
      await tx.partner.update({ where: { id: partnerId }, data: { ...partnerColumns(after), lastCheckedById: actor.personId, changeSeq } });
      await recordAudit(tx, {
        ...auditActor(actor),
        action,
        entityType: 'Partner',
        entityId: partnerId,
        details: { ...details, before: { intakeStop: before.intakeStop.active, until: before.intakeStop.until, waitWeeks: before.waitWeeks } },
      });
      return after;
    });
    this.index.upsert(next);
    return next;
  }

  // ------------------------------------------------------------ "klopt niet"

  /**
   * Stores a "klopt niet" report. The note goes through the privacy guard first: a finding refuses the
   * whole report (nothing stored, nobody told) and says what to remove. A repeat by the same person about
   * the same partner and field within REPORT_DEDUPE_MS stores nothing and returns `duplicate: true`.
   * Race-safe: the row id is derived from (reporter, partner, field, 10-minute slot), so two concurrent
   * identical reports collide on the primary key; a repeat across a slot boundary is found by the query.
   */
  async report(actor: Actor, partnerId: unknown, field: unknown, note: unknown): Promise<{ partner: Partner; reportId: string; field: ReportField; duplicate: boolean }> {
    const partner = this.requirePartner(partnerId);
    if (typeof field !== 'string' || !(REPORT_FIELDS as readonly string[]).includes(field)) throw new DomainError('socialMap.report.badField');
    const text = typeof note === 'string' ? note.replace(/\s+/g, ' ').trim() : '';
    if (text.length > PARTNER_LIMITS.noteMax) throw new DomainError('socialMap.report.noteTooLong', { max: PARTNER_LIMITS.noteMax });
    const now = this.deps.clock();
    if (text) {
      const findings = checkPrivacy(text, { referenceDate: now }).findings;
      if (findings.length) throw new DomainError('socialMap.report.notePrivacy', { findings: describeFindings(findings, actor.locale).join('; ') });
    }
    const reporter = actor.personId ?? `name:${actor.name}`;
    const slot = Math.floor(now.getTime() / REPORT_DEDUPE_MS);
    const id = 'rep_' + createHash('sha256').update(JSON.stringify([reporter, partner.id, field, slot])).digest('hex').slice(0, 32);
    const earlier = () =>
      this.deps.db.partnerReport.findFirst({
        where: { partnerId: partner.id, reporterId: actor.personId, field, createdAt: { gt: new Date(now.getTime() - REPORT_DEDUPE_MS) } },
        orderBy: { createdAt: 'desc' },
        select: { id: true },
      });
    const repeat = await earlier();
    if (repeat) return { partner, reportId: repeat.id, field: field as ReportField, duplicate: true };
    try {
      await this.deps.db.$transaction(async (tx) => {
        await tx.partnerReport.create({
          data: { id, partnerId: partner.id, reporterId: actor.personId, reporterName: actor.name || '?', field, note: text || null, createdAt: now },
          select: { id: true },
        });
        // the note stays in PartnerReport; the audit trail gets organisational facts only
        await recordAudit(tx, { ...auditActor(actor), action: 'partner.report', entityType: 'Partner', entityId: partner.id, details: { reportId: id, field, hasNote: Boolean(text) } });
      });
    } catch (err) {
      if (isUniqueViolation(err)) return { partner, reportId: id, field: field as ReportField, duplicate: true };
      throw err;
    }
    return { partner, reportId: id, field: field as ReportField, duplicate: false };
  }

  async openReportCount(partnerIds?: string[]): Promise<number> {
    return this.deps.db.partnerReport.count({ where: { status: 'open', ...(partnerIds ? { partnerId: { in: partnerIds } } : {}) } });
  }

  // ------------------------------------------------------------ who hears about a partner

  /** Coordinators of the wijkgroepen whose wijk the partner serves; else all admins. */
  async recipientsFor(partners: Partner[]): Promise<Map<string, { recipient: Recipient; partners: Partner[] }>> {
    const dir = await this.directory();
    const out = new Map<string, { recipient: Recipient; partners: Partner[] }>();
    const add = (r: Recipient, p: Partner) => {
      let e = out.get(r.personId);
      if (!e) out.set(r.personId, (e = { recipient: r, partners: [] }));
      if (!e.partners.includes(p)) e.partners.push(p);
    };
    for (const p of partners) {
      const served = servedWijken(p);
      const coordinators = dir.coordinators.filter((c) => c.wijken.some((w) => served.has(w)));
      for (const c of coordinators.length ? coordinators : dir.admins) add(c, p);
    }
    return out;
  }

  private async directory(): Promise<{ coordinators: (Recipient & { wijken: string[] })[]; admins: Recipient[] }> {
    const rows = await this.deps.db.membership.findMany({
      where: { role: { in: ['coordinator', 'admin'] } },
      select: { role: true, person: { select: { id: true, name: true, locale: true } }, group: { select: { name: true, slug: true } } },
    });
    const coordinators = new Map<string, Recipient & { wijken: string[] }>();
    const admins = new Map<string, Recipient>();
    for (const r of rows) {
      const base = { personId: r.person.id, name: r.person.name, locale: localeFrom(r.person.locale) };
      if (r.role === 'admin') admins.set(base.personId, base);
      else if (r.group) {
        const wijken = resolveWijk(r.group.name) ?? resolveWijk(r.group.slug) ?? [];
        const c = coordinators.get(base.personId) ?? { ...base, wijken: [] };
        for (const w of wijken) if (!c.wijken.includes(w)) c.wijken.push(w);
        coordinators.set(base.personId, c);
      }
    }
    return { coordinators: [...coordinators.values()], admins: [...admins.values()] };
  }

  // ------------------------------------------------------------ freshness

  /**
   * Per recipient: entries whose intake stop or waiting time was not checked for more than four weeks,
   * and how many "klopt niet" reports about their partners are still open.
   */
  async staleOverview(now: Date): Promise<{ recipient: Recipient; entries: StaleEntry[]; openReports: number }[]> {
    const entries = stalePartners(this.partnersSnapshot(), now, FRESHNESS.staleAfterDays).filter((e) =>
      e.reasons.some((r) => r === 'intakeStopEnded' || r === 'intakeStopOpen' || r === 'waitTime'),
    );
    const reported = await this.deps.db.partnerReport.findMany({ where: { status: 'open' }, select: { partnerId: true } });
    const reportCount = new Map<string, number>();
    for (const r of reported) reportCount.set(r.partnerId, (reportCount.get(r.partnerId) ?? 0) + 1);
    const byPartner = new Map(entries.map((e) => [e.partner.id, e]));
    const involved = new Map<string, Partner>();
    for (const e of entries) involved.set(e.partner.id, e.partner);
    for (const id of reportCount.keys()) {
      const p = this.index.get(id);
      if (p) involved.set(id, p);
    }
    if (!involved.size) return [];
    const targets = await this.recipientsFor([...involved.values()]);
    const out: { recipient: Recipient; entries: StaleEntry[]; openReports: number }[] = [];
    for (const { recipient, partners } of targets.values()) {
      const mine = partners.map((p) => byPartner.get(p.id)).filter((e): e is StaleEntry => e !== undefined);
      const openReports = partners.reduce((n, p) => n + (reportCount.get(p.id) ?? 0), 0);
      if (mine.length || openReports) out.push({ recipient, entries: mine, openReports });
    }
    return out;
  }

  // ------------------------------------------------------------ CSV import / export

  /** `npm run kaart -- import`: validate all, then write in short chunks (csvImport.ts). */
  async importCsv(text: string, opts: ImportOptions): Promise<ImportOutcome> {
    return importPartnerCsv(
      {
        db: this.deps.db,
        today: this.today(),
        existing: async () => (this.loaded ? this.partnersSnapshot() : loadAllPartners(this.deps.db)),
        written: (partners) => {
          if (this.loaded) this.index.upsertAll(partners);
        },
      },
      text,
      opts,
    );
  }

  async exportCsv(opts: { excel?: boolean } = {}): Promise<string> {
    const all = this.loaded ? [...this.partnersSnapshot()] : await loadAllPartners(this.deps.db);
    all.sort((a, b) => compareText(a.name, b.name) || compareText(a.organisation ?? '', b.organisation ?? '') || compareText(a.id, b.id));
    return toPartnerCsv(all, opts);
  }

  // ------------------------------------------------------------ demo data

  /** A synthetic map of `count` partners for `npm start` on an empty database (does nothing when partners
   *  exist): the README's showcase entries first, so its examples find something, then generated ones. */
  async seedDemo(count = 400): Promise<number> {
    if ((await this.deps.db.partner.count()) > 0) return 0;
    const showcase = showcasePartners(this.today()).slice(0, count);
    const partners = [...showcase, ...generatePartners(count - showcase.length, 2026, { today: this.today() })];
    const now = new Date(); // row timestamps: wall clock, like Prisma's @updatedAt
    await this.deps.db.$transaction(async (tx) => {
      await writePartners(tx, partners, now, await bumpMapVersion(tx));
      await recordAudit(tx, { actorId: null, actorLabel: 'systeem (demo)', action: 'partner.demoSeed', entityType: 'Partner', entityId: 'demo', details: { count: partners.length } });
    }, { timeout: 120_000 });
    if (this.loaded) this.index.upsertAll(partners);
    return partners.length;
  }

  /** Parses '<datum>' of `opnamestop … aan tot <datum>`: 31-01-2027, 2027-01-31, "1 maart", "15 jan". */
  parseEndDate(text: string): string {
    const direct = checkDate(text);
    if (direct.ok) return direct.value;
    try {
      return parseDutchDate(text, this.deps.clock()).localDate;
    } catch (err) {
      if (err instanceof DomainError) throw new DomainError('socialMap.cmd.dateUnknown', { input: text.slice(0, 60) });
      throw err;
    }
  }
}

/** The wijken of the asker's wijkgroep(s), read from the group names ("Oost", "Wijkgroep De Pijp"). */
export function askerWijken(actor: Pick<Actor, 'roles'>): string[] {
  const out = new Set<string>();
  for (const r of actor.roles) {
    if (!r.groupName) continue;
    const wijken = resolveWijk(r.groupName) ?? resolveWijk(r.groupName.replace(/^wijkgroep\s+/i, '')) ?? [];
    for (const w of wijken) out.add(w);
  }
  return [...out];
}

/** The wijken a partner serves: explicit wijken, its postcode areas and its own address. */
export function servedWijken(p: Partner): Set<string> {
  const out = new Set(p.wijken);
  for (const pc of p.postcodeAreas) {
    const w = wijkForPc4(pc);
    if (w) out.add(w);
  }
  if (p.postcode) {
    const w = wijkForPc4(p.postcode.slice(0, 4));
    if (w) out.add(w);
  }
  return out;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function clampInt(v: number, lo: number, hi: number): number {
  return Number.isFinite(v) ? Math.min(hi, Math.max(lo, Math.trunc(v))) : lo;
}
