/**
 * The partners of the in-memory social map in a compact, column-wise layout (budget: ≤ 1,500 bytes per
 * partner all in, at 100,000 partners; one Partner object with its strings, arrays and Date took ~1,170):
 *
 * - what is only shown (name, address, phone, …) is one packed string per partner, unpacked into a
 *   Partner object only for the few partners an answer shows;
 * - what a search tests or ranks on is in typed arrays indexed by document number: discipline id, weekday
 *   bits, intake stop, waiting time, last check, wijk bits, address postcode;
 * - the terms of each partner (expertise ids, word ids of name, organisation and address, declared postcode
 *   areas) are one slice of a shared Int32Array "arena". A changed partner gets a new slice at the end;
 *   the arena is compacted when more than half of it is no longer used.
 */
import { WEEKDAYS, type CommunicationChannel, type Partner, type Weekday } from './types';

/** Field separator inside a packed string, and list separator inside a field. */
const FS = '\u001f';
const LS = '\u001e';

export const NO_WAIT = -1;
export const NO_DATE = 0;
/** checkedAt of a partner never checked: sorts below every real date. */
export const NEVER_CHECKED = Number.NEGATIVE_INFINITY;

/** The sections of a document's slice of the arena, in order. */
export interface TermSections {
  expertise: number[];
  name: number[];
  organisation: number[];
  address: number[];
  /** Declared postcode areas (PC4 as a number). */
  pc4: number[];
}

export interface DocNumbers {
  discipline: number;
  dayMask: number;
  intakeActive: boolean;
  /** YYYYMMDD as a number, NO_DATE when open-ended. */
  intakeUntil: number;
  waitWeeks: number;
  checkedAt: number;
  servedWijken: number;
  explicitWijken: number;
  addressPc4: number;
  /** PC4 × 1000 + letter pair, or 0. */
  addressPc6: number;
  nameKey: number;
  /** The per-partner part of the rank key (waiting time and freshness), see ranking.rankTail. */
  rankTail: number;
  /** Words of the name and of the organisation that are not filler (at most 255): what a name match must cover. */
  nameContentWords: number;
  organisationContentWords: number;
}

export class DocStore {
  capacity = 0;
  packed: (string | undefined)[] = [];
  discipline = new Uint16Array(0);
  dayMask = new Uint8Array(0);
  /** bit 0: live, bit 1: intake stop flagged. */
  flags = new Uint8Array(0);
  intakeUntil = new Int32Array(0);
  waitWeeks = new Int16Array(0);
  checkedAt = new Float64Array(0);
  servedWijken = new Uint32Array(0);
  explicitWijken = new Uint32Array(0);
  addressPc4 = new Uint16Array(0);
  addressPc6 = new Int32Array(0);
  /** The first four letters of the folded name, for tie-breaks without unpacking. */
  nameKey = new Uint32Array(0);
  /** Waiting time and freshness packed as the low part of the rank key: fixed per partner, so not recomputed per query. */
  rankTail = new Int32Array(0);
  /** Non-filler words of the name and of the organisation: a search tells from these alone who cannot be named exactly. */
  nameContent = new Uint8Array(0);
  organisationContent = new Uint8Array(0);
  termStart = new Int32Array(0);
  nExpertise = new Uint8Array(0);
  nName = new Uint8Array(0);
  nOrganisation = new Uint8Array(0);
  nAddress = new Uint8Array(0);
  nPc4 = new Uint8Array(0);
  arena = new Int32Array(1024);
  arenaUsed = 0;
  private arenaLive = 0;

  isLive(n: number): boolean {
    return n < this.capacity && (this.flags[n]! & 1) === 1;
  }

  intakeFlagged(n: number): boolean {
    return (this.flags[n]! & 2) === 2;
  }

  /** Active = flagged and (no end date, or the end date is today or later). */
  intakeActive(n: number, today: number): boolean {
    if ((this.flags[n]! & 2) === 0) return false;
    const until = this.intakeUntil[n]!;
    return until === NO_DATE || until >= today;
  }

  set(n: number, p: Partner, numbers: DocNumbers, terms: TermSections): void {
    this.ensure(n + 1);
    this.release(n);
    this.packed[n] = pack(p);
    this.discipline[n] = numbers.discipline;
    this.dayMask[n] = numbers.dayMask;
    this.flags[n] = 1 | (numbers.intakeActive ? 2 : 0);
    this.intakeUntil[n] = numbers.intakeUntil;
    this.waitWeeks[n] = numbers.waitWeeks;
    this.checkedAt[n] = numbers.checkedAt;
    this.servedWijken[n] = numbers.servedWijken;
    this.explicitWijken[n] = numbers.explicitWijken;
    this.addressPc4[n] = numbers.addressPc4;
    this.addressPc6[n] = numbers.addressPc6;
    this.nameKey[n] = numbers.nameKey;
    this.rankTail[n] = numbers.rankTail;
    this.nameContent[n] = Math.min(255, numbers.nameContentWords);
    this.organisationContent[n] = Math.min(255, numbers.organisationContentWords);
    const all = [...terms.expertise, ...terms.name, ...terms.organisation, ...terms.address, ...terms.pc4];
    this.termStart[n] = this.allocate(all);
    this.nExpertise[n] = terms.expertise.length;
    this.nName[n] = terms.name.length;
    this.nOrganisation[n] = terms.organisation.length;
    this.nAddress[n] = terms.address.length;
    this.nPc4[n] = terms.pc4.length;
  }

  clear(n: number): void {
    this.release(n);
    this.packed[n] = undefined;
    this.flags[n] = 0;
  }

  /** The sections of a document's terms, as arrays (maintenance only: searching reads the arena directly). */
  sections(n: number): TermSections {
    let at = this.termStart[n]!;
    const take = (count: number): number[] => {
      const out = Array.from(this.arena.subarray(at, at + count));
      at += count;
      return out;
    };
    return {
      expertise: take(this.nExpertise[n]!),
      name: take(this.nName[n]!),
      organisation: take(this.nOrganisation[n]!),
      address: take(this.nAddress[n]!),
      pc4: take(this.nPc4[n]!),
    };
  }

  id(n: number): string {
    const s = this.packed[n]!;
    return s.slice(0, s.indexOf(FS));
  }

  name(n: number): string {
    const s = this.packed[n]!;
    const a = s.indexOf(FS) + 1;
    return s.slice(a, s.indexOf(FS, a));
  }

  partner(n: number): Partner {
    return unpack(this.packed[n]!, {
      dayMask: this.dayMask[n]!,
      intakeActive: this.intakeFlagged(n),
      waitWeeks: this.waitWeeks[n]!,
      checkedAt: this.checkedAt[n]!,
    });
  }

  private allocate(terms: number[]): number {
    if (this.arenaUsed + terms.length > this.arena.length) {
      if (this.arenaLive + terms.length <= this.arena.length / 2) this.compactArena();
      if (this.arenaUsed + terms.length > this.arena.length) {
        const next = new Int32Array(Math.max(this.arena.length * 2, this.arenaUsed + terms.length));
        next.set(this.arena.subarray(0, this.arenaUsed));
        this.arena = next;
      }
    }
    const start = this.arenaUsed;
    this.arena.set(terms, start);
    this.arenaUsed += terms.length;
    this.arenaLive += terms.length;
    return start;
  }

  private release(n: number): void {
    if (n < this.capacity && (this.flags[n]! & 1) === 1) this.arenaLive -= this.termCount(n);
  }

  private termCount(n: number): number {
    return this.nExpertise[n]! + this.nName[n]! + this.nOrganisation[n]! + this.nAddress[n]! + this.nPc4[n]!;
  }

  /** Moves every live slice to the front, in document order. */
  private compactArena(): void {
    const next = new Int32Array(this.arena.length);
    let at = 0;
    for (let n = 0; n < this.capacity; n++) {
      if ((this.flags[n]! & 1) === 0) continue;
      const count = this.termCount(n);
      next.set(this.arena.subarray(this.termStart[n]!, this.termStart[n]! + count), at);
      this.termStart[n] = at;
      at += count;
    }
    this.arena = next;
    this.arenaUsed = at;
    this.arenaLive = at;
  }

  private ensure(size: number): void {
    if (size <= this.capacity) return;
    const cap = Math.max(size, this.capacity * 2, 64);
    const grow = <T extends Uint8Array | Uint16Array | Uint32Array | Int16Array | Int32Array | Float64Array>(a: T): T => {
      const next = new (a.constructor as new (n: number) => T)(cap);
      next.set(a);
      return next;
    };
    this.discipline = grow(this.discipline);
    this.dayMask = grow(this.dayMask);
    this.flags = grow(this.flags);
    this.intakeUntil = grow(this.intakeUntil);
    this.waitWeeks = grow(this.waitWeeks);
    this.checkedAt = grow(this.checkedAt);
    this.servedWijken = grow(this.servedWijken);
    this.explicitWijken = grow(this.explicitWijken);
    this.addressPc4 = grow(this.addressPc4);
    this.addressPc6 = grow(this.addressPc6);
    this.nameKey = grow(this.nameKey);
    this.rankTail = grow(this.rankTail);
    this.nameContent = grow(this.nameContent);
    this.organisationContent = grow(this.organisationContent);
    this.termStart = grow(this.termStart);
    this.nExpertise = grow(this.nExpertise);
    this.nName = grow(this.nName);
    this.nOrganisation = grow(this.nOrganisation);
    this.nAddress = grow(this.nAddress);
    this.nPc4 = grow(this.nPc4);
    this.capacity = cap;
  }
}

// ---------------------------------------------------------------- packing

/** Separators never appear in a partner's text (control characters); one that slipped in becomes a space. */
function clean(s: string | null): string {
  return s === null ? '' : s.replace(/[\u001e\u001f]/g, ' ');
}

/** Order of the packed fields. The id comes first and the name second (read without unpacking). */
function pack(p: Partner): string {
  return [
    clean(p.id),
    clean(p.name),
    nullable(p.organisation),
    clean(p.discipline),
    nullable(p.address),
    nullable(p.city),
    nullable(p.postcode),
    nullable(p.intakeStop.until),
    nullable(p.intakeStop.note),
    nullable(p.phone),
    nullable(p.email),
    nullable(p.website),
    nullable(p.agb),
    nullable(p.lastCheckedBy),
    p.expertise.map(clean).join(LS),
    p.wijken.map(clean).join(LS),
    p.postcodeAreas.map(clean).join(LS),
    p.communication.join(LS),
  ].join(FS);
}

/** null and '' must stay apart (an empty organisation is not "no organisation"): null is a lone LS. */
function nullable(s: string | null): string {
  return s === null ? LS : clean(s);
}

function unpack(s: string, numbers: { dayMask: number; intakeActive: boolean; waitWeeks: number; checkedAt: number }): Partner {
  const f = s.split(FS);
  const opt = (i: number): string | null => (f[i] === LS ? null : f[i]!);
  const list = (i: number): string[] => (f[i] === '' ? [] : f[i]!.split(LS));
  return {
    id: f[0]!,
    name: f[1]!,
    organisation: opt(2),
    discipline: f[3]!,
    expertise: list(14),
    wijken: list(15),
    postcodeAreas: list(16),
    address: opt(4),
    city: opt(5),
    postcode: opt(6),
    workdays: WEEKDAYS.filter((_, i) => (numbers.dayMask & (1 << i)) !== 0) as Weekday[],
    intakeStop: { active: numbers.intakeActive, until: opt(7), note: opt(8) },
    waitWeeks: numbers.waitWeeks === NO_WAIT ? null : numbers.waitWeeks,
    phone: opt(9),
    email: opt(10),
    website: opt(11),
    communication: list(17) as CommunicationChannel[],
    agb: opt(12),
    lastCheckedAt: numbers.checkedAt === NEVER_CHECKED ? null : new Date(numbers.checkedAt),
    lastCheckedBy: opt(13),
  };
}
