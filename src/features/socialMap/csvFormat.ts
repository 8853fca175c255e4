/**
 * The social map as CSV, for coordinators who maintain it in Excel.
 *
 * Import validates everything and reports EVERY problem (line, column, Dutch reason); the result is all
 * rows or none, so a half-imported map never happens. Writing to the database is the caller's job;
 * `partnerIdentityKey`/`sameIdentity` tell it when a row updates an existing partner.
 *
 * Column conventions (lists use `;` inside a cell):
 * - `wijken`: wijk names (Oost, De Pijp, …) and/or PC4 postcode areas (1092) or ranges (1091-1095).
 *   The served postcode areas have no column of their own in the agreed header, so they live here.
 * - `postcode`: the address postcode, normalised to `1234 AB`.
 * - `opnamestop`: `ja` or `nee`, optionally followed by `;` and a note (`ja;vol tot de zomer`).
 * - `laatst_gecontroleerd`: a date, optionally followed by `;` and who checked (`2026-11-02;A. de Wit`).
 * Export writes exactly what import reads, so import → export → import gives equal records.
 */
import { channelLabel, resolveChannel, suggestChannel } from './channels';
import { restoreFormulaCell, writeCsv } from '../../csv/write';
import { wordTable } from '../../text/wordTable';
import { detectDelimiter, readCsv, stripBom } from './csv';
import { getDiscipline, resolveDiscipline, suggestForLabel } from './disciplines';
import { expertiseKey } from './expertise';
import { checkAgb, checkDate, checkDutchPhone, checkEmail, checkPostcode, checkPostcodeArea, checkWebsite, dateToInstant, instantToDate, type Checked } from './formats';
import { renderMessage } from './messages';
import { distance } from 'fastest-levenshtein';
import { tidy } from './text';
import { CSV_LIMITS, PARTNER_LIMITS, WEEKDAYS, type CommunicationChannel, type PartnerInput, type Weekday } from './types';
import { resolveWijk, suggestWijk, wijkName } from './wijken';

export const PARTNER_CSV_HEADER = [
  'naam', 'organisatie', 'discipline', 'expertise', 'wijken', 'postcode', 'adres', 'plaats', 'werkdagen', 'opnamestop',
  'opnamestop_tot', 'wachttijd_weken', 'telefoon', 'email', 'website', 'communicatie', 'agb', 'laatst_gecontroleerd',
] as const;
export type PartnerCsvColumn = (typeof PARTNER_CSV_HEADER)[number];

export interface CsvError {
  /** 1-based line in the file (the header is line 1; a multi-line quoted row reports its first line). */
  line: number;
  /** Column name from the header; '' for problems with a whole line. */
  column: string;
  /** Dutch sentence for the coordinator. */
  reason: string;
  code: string;
  params: Record<string, string | number>;
}

/**
 * `warnings` are rows that import but deserve a look (a discipline the list does not know, kept as its
 * own label); they never stop an import.
 */
export type PartnerCsvResult = { ok: true; rows: PartnerInput[]; lines: number[]; warnings: CsvError[] } | { ok: false; errors: CsvError[] };

export interface ParseCsvOptions {
  /** YYYY-MM-DD; when given, a "laatst gecontroleerd" after today is an error (a typo like 2062). */
  today?: string;
}

const LIST_SEPARATOR = ';';

export function parsePartnerCsv(text: string, opts: ParseCsvOptions = {}): PartnerCsvResult {
  const errors = new ErrorCollector();
  const warnings = new ErrorCollector();
  const body = stripBom(text);
  if (body.trim() === '') {
    errors.add(1, '', 'socialMap.csv.empty');
    return errors.result();
  }
  const read = readCsv(body, detectDelimiter(body));
  const records = read.records;
  if (!read.ok) errors.add(read.unclosedQuoteLine, '', 'socialMap.csv.quoteNotClosed');

  const header = records[0];
  if (!header) return errors.result();
  const columns = mapHeader(header.cells, header.line, errors);
  if (!columns) return errors.result();
  if (records.length - 1 > CSV_LIMITS.maxRows) {
    errors.add(records[CSV_LIMITS.maxRows + 1]!.line, '', 'socialMap.csv.tooManyRows', { max: CSV_LIMITS.maxRows });
    return errors.result();
  }

  const rows: PartnerInput[] = [];
  const lines: number[] = [];
  const identities = new IdentityTracker();
  for (let r = 1; r < records.length; r++) {
    const { line, cells } = records[r]!;
    if (cells.every((c) => c.trim() === '')) continue; // Excel leaves ";;;;" lines behind.
    if (cells.length !== header.cells.length) {
      errors.add(line, '', 'socialMap.csv.columnCount', { found: cells.length, expected: header.cells.length });
      continue;
    }
    const get = (col: PartnerCsvColumn): string => restoreFormulaCell(cells[columns.get(col)!]!).trim();
    const row = parseRow(get, line, errors, warnings, opts);
    if (!row) continue;
    const duplicate = identities.check(row, line);
    if (duplicate) errors.add(line, row.agb && duplicate.byAgb ? 'agb' : 'naam', duplicate.byAgb ? 'socialMap.csv.duplicateAgb' : 'socialMap.csv.duplicateName', { line: duplicate.line });
    rows.push(row);
    lines.push(line);
  }
  return errors.count > 0 ? errors.result() : { ok: true, rows, lines, warnings: warnings.list('socialMap.csv.moreWarnings') };
}

/**
 * The same columns and conventions the importer reads; `,` delimiter, CRLF, dates YYYY-MM-DD. `excel`: what
 * a Dutch Excel opens with a double click: a byte-order mark (ë, ö) and `;` between cells (with `,` it put
 * each whole row in one column). The importer reads both.
 */
export function toPartnerCsv(partners: Iterable<PartnerInput>, opts: { excel?: boolean } = {}): string {
  const rows: string[][] = [];
  for (const p of partners) {
    const cells: Record<PartnerCsvColumn, string> = {
      naam: p.name,
      organisatie: p.organisation ?? '',
      discipline: getDiscipline(p.discipline)?.nl ?? p.discipline,
      expertise: p.expertise.join(LIST_SEPARATOR),
      wijken: [...p.wijken.map(wijkName), ...p.postcodeAreas].join(LIST_SEPARATOR),
      postcode: p.postcode ?? '',
      adres: p.address ?? '',
      plaats: p.city ?? '',
      werkdagen: p.workdays.join(LIST_SEPARATOR),
      opnamestop: (p.intakeStop.active ? 'ja' : 'nee') + (p.intakeStop.note ? `${LIST_SEPARATOR}${p.intakeStop.note}` : ''),
      opnamestop_tot: p.intakeStop.until ?? '',
      wachttijd_weken: p.waitWeeks === null ? '' : String(p.waitWeeks),
      telefoon: p.phone ?? '',
      email: p.email ?? '',
      website: p.website ?? '',
      communicatie: p.communication.map((c) => channelLabel(c)).join(LIST_SEPARATOR),
      agb: p.agb ?? '',
      laatst_gecontroleerd:
        (p.lastCheckedAt ? instantToDate(p.lastCheckedAt) : '') + (p.lastCheckedBy ? `${LIST_SEPARATOR}${p.lastCheckedBy}` : ''),
    };
    rows.push(PARTNER_CSV_HEADER.map((c) => cells[c]));
  }
  return writeCsv(PARTNER_CSV_HEADER, rows, opts.excel ? { bom: true, delimiter: ';' } : {});
}

/**
 * Identity of a partner: the AGB-code when there is one, otherwise name + organisation, ignoring case and
 * all whitespace. Use `sameIdentity` to compare an import row with a stored partner: when only one of the
 * two has an AGB-code, name + organisation decide.
 */
export function partnerIdentityKey(p: Pick<PartnerInput, 'agb' | 'name' | 'organisation'>): string {
  return p.agb ? `agb:${p.agb}` : nameIdentityKey(p);
}

export function nameIdentityKey(p: Pick<PartnerInput, 'name' | 'organisation'>): string {
  return `naam:${squash(p.name)}|${squash(p.organisation ?? '')}`;
}

export function sameIdentity(a: Pick<PartnerInput, 'agb' | 'name' | 'organisation'>, b: Pick<PartnerInput, 'agb' | 'name' | 'organisation'>): boolean {
  if (a.agb && b.agb) return a.agb === b.agb;
  return nameIdentityKey(a) === nameIdentityKey(b);
}

function squash(s: string): string {
  return s.normalize('NFC').toLowerCase().replace(/\s+/g, '');
}

// ---------------------------------------------------------------- header

const HEADER_SET = new Set<string>(PARTNER_CSV_HEADER);

/** Column name → index. Order is free; every agreed column must be there exactly once. */
function mapHeader(cells: string[], line: number, errors: ErrorCollector): Map<PartnerCsvColumn, number> | null {
  const map = new Map<PartnerCsvColumn, number>();
  let bad = false;
  cells.forEach((raw, i) => {
    const name = raw.trim().toLowerCase().replace(/[\s-]+/g, '_');
    if (HEADER_SET.has(name)) {
      if (map.has(name as PartnerCsvColumn)) {
        errors.add(line, name, 'socialMap.csv.headerDuplicate', { column: name });
        bad = true;
      } else map.set(name as PartnerCsvColumn, i);
      return;
    }
    bad = true;
    const suggestion = PARTNER_CSV_HEADER.find((h) => distance(h, name) <= Math.max(1, Math.floor(h.length / 4)));
    if (suggestion) errors.add(line, raw.trim(), 'socialMap.csv.headerUnknownSuggest', { column: raw.trim(), suggestion });
    else errors.add(line, raw.trim(), 'socialMap.csv.headerUnknown', { column: raw.trim() });
  });
  // Every column is required: a missing column would silently erase that field on update.
  for (const h of PARTNER_CSV_HEADER) {
    if (!map.has(h)) {
      errors.add(line, h, 'socialMap.csv.headerMissing', { column: h });
      bad = true;
    }
  }
  return bad ? null : map;
}

// ---------------------------------------------------------------- one row

function parseRow(get: (c: PartnerCsvColumn) => string, line: number, errors: ErrorCollector, warnings: ErrorCollector, opts: ParseCsvOptions): PartnerInput | null {
  const before = errors.count;
  const fail = (column: PartnerCsvColumn, code: string, params: Record<string, string | number> = {}): null => {
    errors.add(line, column, code, params);
    return null;
  };
  const checked = <T>(column: PartnerCsvColumn, c: Checked<T>): T | null => (c.ok ? c.value : fail(column, c.code, c.params));
  const optional = <T>(column: PartnerCsvColumn, check: (s: string) => Checked<T>): T | null => {
    const v = get(column);
    return v === '' ? null : checked(column, check(v));
  };
  const text = (column: PartnerCsvColumn, max: number, required = false): string | null => {
    const v = tidy(get(column));
    if (v === '') return required ? fail(column, 'socialMap.csv.required') : null;
    return v.length > max ? fail(column, 'socialMap.csv.tooLong', { max }) : v;
  };

  const name = text('naam', PARTNER_LIMITS.nameMax, true);
  const organisation = text('organisatie', PARTNER_LIMITS.organisationMax);
  const discipline = parseDisciplineCell(get('discipline'), (code, params) => fail('discipline', code, params), (code, params) => warnings.add(line, 'discipline', code, params));
  const expertise = parseExpertise(get('expertise'), (code, params) => fail('expertise', code, params));
  const areas = parseAreas(get('wijken'), (code, params) => fail('wijken', code, params));
  const postcode = optional('postcode', checkPostcode);
  const address = text('adres', PARTNER_LIMITS.addressMax);
  const city = text('plaats', PARTNER_LIMITS.cityMax);
  const workdays = parseWorkdays(get('werkdagen'), (code, params) => fail('werkdagen', code, params));
  const intake = parseIntakeStop(get('opnamestop'), (code, params) => fail('opnamestop', code, params));
  const until = optional('opnamestop_tot', checkDate);
  if (until && intake && !intake.active) fail('opnamestop_tot', 'socialMap.csv.intakeUntilWithoutStop');
  const waitWeeks = parseWaitWeeks(get('wachttijd_weken'), (code, params) => fail('wachttijd_weken', code, params));
  const phone = optional('telefoon', checkDutchPhone);
  const email = optional('email', (s) => checkEmail(s, PARTNER_LIMITS.emailMax));
  const website = optional('website', (s) => checkWebsite(s, PARTNER_LIMITS.websiteMax));
  const communication = parseChannels(get('communicatie'), (code, params) => fail('communicatie', code, params));
  const agb = optional('agb', checkAgb);
  const checkedCell = parseLastChecked(get('laatst_gecontroleerd'), opts, (code, params) => fail('laatst_gecontroleerd', code, params));

  if (errors.count > before || !name || !discipline || !expertise || !areas || !workdays || !intake || !communication || !checkedCell) {
    return null;
  }
  return {
    name,
    organisation,
    discipline,
    expertise,
    wijken: areas.wijken,
    postcodeAreas: areas.postcodeAreas,
    address,
    city,
    postcode,
    workdays,
    intakeStop: { active: intake.active, until: until ?? null, note: intake.note },
    waitWeeks: waitWeeks ?? null,
    phone,
    email,
    website,
    communication,
    agb,
    lastCheckedAt: checkedCell.at,
    lastCheckedBy: checkedCell.by,
  };
}

type Fail = (code: string, params?: Record<string, string | number>) => null;

function splitList(cell: string): string[] {
  return cell
    .split(LIST_SEPARATOR)
    .map((s) => tidy(s))
    .filter((s) => s !== '');
}

/**
 * A known name or abbreviation gives the code. A near-typo of a known name is refused with a suggestion
 * (the coordinator confirms by fixing the file: "bekkenfysioterapie" must not become a discipline of its
 * own). Anything else is a care type the list does not have: kept as its own label, findable by that
 * label and its words, with a warning for the row.
 */
function parseDisciplineCell(cell: string, fail: Fail, warn: (code: string, params: Record<string, string | number>) => void): string | null {
  if (cell === '') return fail('socialMap.csv.required');
  const match = resolveDiscipline(cell);
  if (match?.via === 'exact') return match.code;
  if (match) return fail('socialMap.csv.disciplineUnknownSuggest', { value: cell, suggestion: getDiscipline(match.code)!.nl.toLowerCase() });
  const label = tidy(cell);
  if (label.length > PARTNER_LIMITS.disciplineLabelMax) return fail('socialMap.csv.tooLong', { max: PARTNER_LIMITS.disciplineLabelMax });
  const suggestion = suggestForLabel(label);
  if (suggestion) warn('socialMap.csv.disciplineLabelSuggest', { value: label, suggestion: getDiscipline(suggestion)!.nl.toLowerCase() });
  else warn('socialMap.csv.disciplineLabel', { value: label });
  return label;
}

function parseExpertise(cell: string, fail: Fail): string[] | null {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const tag of splitList(cell)) {
    if (tag.length > PARTNER_LIMITS.expertiseTagMax) return fail('socialMap.csv.tooLong', { max: PARTNER_LIMITS.expertiseTagMax });
    const key = expertiseKey(tag);
    if (key && !seen.has(key)) {
      seen.add(key);
      out.push(tag);
    }
  }
  return out.length > PARTNER_LIMITS.expertiseTagsMax ? fail('socialMap.csv.tooMany', { max: PARTNER_LIMITS.expertiseTagsMax }) : out;
}

function parseAreas(cell: string, fail: Fail): { wijken: string[]; postcodeAreas: string[] } | null {
  const wijken = new Set<string>();
  const pc4 = new Set<string>();
  let ok = true;
  for (const item of splitList(cell)) {
    const codes = resolveWijk(item);
    if (codes) {
      codes.forEach((c) => wijken.add(c));
      continue;
    }
    if (/^[0-9]/.test(item)) {
      const area = checkPostcodeArea(item, PARTNER_LIMITS.postcodeRangeMax);
      if (area.ok) area.value.forEach((p) => pc4.add(p));
      else {
        fail(area.code, area.params);
        ok = false;
      }
      continue;
    }
    // Report every unknown wijk of the cell, not just the first.
    const suggestion = suggestWijk(item, true);
    if (suggestion) fail('socialMap.csv.wijkUnknownSuggest', { value: item, suggestion: suggestion.map(wijkName).join(' + ') });
    else fail('socialMap.csv.wijkUnknown', { value: item });
    ok = false;
  }
  if (!ok) return null;
  if (wijken.size > PARTNER_LIMITS.wijkenMax) return fail('socialMap.csv.tooMany', { max: PARTNER_LIMITS.wijkenMax });
  if (pc4.size > PARTNER_LIMITS.postcodeAreasMax) return fail('socialMap.csv.tooMany', { max: PARTNER_LIMITS.postcodeAreasMax });
  return { wijken: [...wijken], postcodeAreas: [...pc4].sort() };
}

/** "maandag" and "ma" → ma; a word table, so a cell reading "constructor" is no weekday. */
const WEEKDAY_NAMES = wordTable<Weekday>(
  Object.fromEntries(['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'].flatMap((long, i) => [[long, WEEKDAYS[i]!], [WEEKDAYS[i]!, WEEKDAYS[i]!]])),
);

function parseWorkdays(cell: string, fail: Fail): Weekday[] | null {
  const days = new Set<Weekday>();
  for (const item of splitList(cell)) {
    const d = WEEKDAY_NAMES[item.toLowerCase().replace(/\.$/, '')];
    if (!d) return fail('socialMap.csv.weekdayUnknown', { value: item });
    days.add(d);
  }
  return WEEKDAYS.filter((d) => days.has(d));
}

const YES = new Set(['ja', 'j', 'yes', 'y', 'true', '1', 'waar']);
const NO = new Set(['nee', 'n', 'no', 'false', '0', 'onwaar', '']);

function parseIntakeStop(cell: string, fail: Fail): { active: boolean; note: string | null } | null {
  const sep = cell.indexOf(LIST_SEPARATOR);
  const flag = (sep === -1 ? cell : cell.slice(0, sep)).trim().toLowerCase();
  const note = sep === -1 ? null : tidy(cell.slice(sep + 1)) || null;
  if (note && note.length > PARTNER_LIMITS.noteMax) return fail('socialMap.csv.tooLong', { max: PARTNER_LIMITS.noteMax });
  if (YES.has(flag)) return { active: true, note };
  if (NO.has(flag)) return { active: false, note };
  return fail('socialMap.csv.intakeStopValue', { value: flag });
}

function parseWaitWeeks(cell: string, fail: Fail): number | null | undefined {
  if (cell === '') return undefined;
  if (!/^[0-9]{1,3}$/.test(cell) || Number(cell) > PARTNER_LIMITS.waitWeeksMax) return fail('socialMap.csv.waitWeeks', { max: PARTNER_LIMITS.waitWeeksMax });
  return Number(cell);
}

function parseChannels(cell: string, fail: Fail): CommunicationChannel[] | null {
  const out: CommunicationChannel[] = [];
  for (const item of splitList(cell)) {
    const c = resolveChannel(item);
    if (!c) {
      const suggestion = suggestChannel(item);
      return suggestion
        ? fail('socialMap.csv.channelUnknownSuggest', { value: item, suggestion: channelLabel(suggestion) })
        : fail('socialMap.csv.channelUnknown', { value: item });
    }
    if (!out.includes(c)) out.push(c);
  }
  return out;
}

function parseLastChecked(cell: string, opts: ParseCsvOptions, fail: Fail): { at: Date | null; by: string | null } | null {
  const m = /^([^;]*?)(?:\s*;\s*|\s+door\s+)(.*)$/i.exec(cell);
  const datePart = (m ? m[1]! : cell).trim();
  const by = m ? tidy(m[2]!) || null : null;
  if (by && by.length > PARTNER_LIMITS.checkedByMax) return fail('socialMap.csv.tooLong', { max: PARTNER_LIMITS.checkedByMax });
  if (datePart === '') return { at: null, by };
  const date = checkDate(datePart);
  if (!date.ok) return fail(date.code, date.params);
  if (opts.today && date.value > opts.today) return fail('socialMap.csv.dateFuture', { value: date.value });
  return { at: dateToInstant(date.value), by };
}

// ---------------------------------------------------------------- bookkeeping

/** Rows of one file that are the same partner (same AGB, or without one, same name + organisation). */
class IdentityTracker {
  private readonly byAgb = new Map<string, number>();
  private readonly byName = new Map<string, { first: number; firstWithoutAgb: number | null }>();

  check(row: PartnerInput, line: number): { line: number; byAgb: boolean } | null {
    const nameKey = nameIdentityKey(row);
    const seen = this.byName.get(nameKey);
    let duplicate: { line: number; byAgb: boolean } | null = null;
    if (row.agb) {
      const agbLine = this.byAgb.get(row.agb);
      if (agbLine !== undefined) duplicate = { line: agbLine, byAgb: true };
      else if (seen?.firstWithoutAgb != null) duplicate = { line: seen.firstWithoutAgb, byAgb: false };
      else this.byAgb.set(row.agb, line);
    } else if (seen) {
      duplicate = { line: seen.first, byAgb: false };
    }
    if (!seen) this.byName.set(nameKey, { first: line, firstWithoutAgb: row.agb ? null : line });
    else if (!row.agb && seen.firstWithoutAgb === null) seen.firstWithoutAgb = line;
    return duplicate;
  }
}

class ErrorCollector {
  private readonly errors: CsvError[] = [];
  count = 0;

  add(line: number, column: string, code: string, params: Record<string, string | number> = {}): void {
    this.count++;
    if (this.errors.length < CSV_LIMITS.maxReportedErrors) {
      this.errors.push({ line, column, code, params, reason: renderMessage(code, params) });
    }
  }

  result(): { ok: false; errors: CsvError[] } {
    return { ok: false, errors: this.list('socialMap.csv.moreErrors') };
  }

  /** What was kept, and a last entry saying how many more there were. */
  list(moreCode: string): CsvError[] {
    const hidden = this.count - this.errors.length;
    if (hidden <= 0) return this.errors;
    const last = this.errors[this.errors.length - 1]!;
    return [...this.errors, { line: last.line, column: '', code: moreCode, params: { count: hidden }, reason: renderMessage(moreCode, { count: hidden }) }];
  }
}
