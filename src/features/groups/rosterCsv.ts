/**
 * Bulk onboarding file: `wijkgroep,naam,email,aad_object_id,rol`, one row per person per role.
 * Every row is validated before anything is written, and every bad row is reported with its line number:
 * empty or unknown values, text over its named maximum, names with control or bidi characters, and rows
 * that contradict each other (one person's Entra id with two e-mail addresses, two names for one person,
 * the same row twice), naming the other line.
 */
import { parse } from 'csv-parse/sync';
import { restoreFormulaCell, writeCsv } from '../../csv/write';
import { cleanName, GROUP_NAME_MAX, nameProblem, PERSON_NAME_MAX, type NameProblem } from '../../text/names';
import { EMAIL_PATTERN, GROUP_ROLES, GUID_PATTERN, parseRole, ROLES, slugify, type Role } from './types';

export const ROSTER_HEADER = ['wijkgroep', 'naam', 'email', 'aad_object_id', 'rol'] as const;

/** Named bounds on a roster file, so a 1 MB name or a million-line file is refused with a reason. */
export const ROSTER_LIMITS = {
  personName: PERSON_NAME_MAX,
  groupName: GROUP_NAME_MAX,
  /** RFC 5321's limit on a forward path */
  email: 254,
  /** the longest role alias is well under this; a longer cell is not a role */
  role: 40,
  /** far above any region's roster (one row per person per role); the file is held in memory */
  rows: 100_000,
} as const;

export interface RosterRow {
  line: number;
  groupName: string | null;
  name: string;
  email: string | null;
  aadObjectId: string | null;
  role: Role;
}

export interface RosterProblem {
  line: number;
  column?: string;
  reason: string;
}

export type RosterParseResult = { ok: true; rows: RosterRow[] } | { ok: false; problems: RosterProblem[] };

/** Excel in a Dutch locale saves CSV with ';' and a BOM; accept both that and plain ','. */
function detectDelimiter(headerLine: string): ',' | ';' {
  return (headerLine.match(/;/g)?.length ?? 0) > (headerLine.match(/,/g)?.length ?? 0) ? ';' : ',';
}

/** A value quoted back in a message, cut short: the message must stay readable whatever the cell held. */
function shown(value: string): string {
  const chars = Array.from(value);
  return chars.length > 60 ? `${chars.slice(0, 57).join('')}…` : value;
}

const NAME_REASONS: Record<NameProblem, (what: string, max: number) => string> = {
  empty: (what) => `${what} is leeg`,
  tooLong: (what, max) => `${what} is langer dan ${max} tekens`,
  control: (what) => `${what} bevat een stuurteken (zoals een tab, regeleinde of belteken); haal het weg`,
  bidi: (what) => `${what} bevat een onzichtbaar teken dat de leesrichting omdraait (U+202A–U+202E, U+2066–U+2069, U+200E/U+200F); haal het weg`,
};

/** One person as the file describes them, across all their rows. */
interface FilePerson {
  aadObjectId: string | null;
  email: string | null;
  name: string;
  line: number;
}

export function parseRosterCsv(text: string): RosterParseResult {
  const clean = text.replace(/^\uFEFF/, '');
  const firstLine = clean.split(/\r?\n/, 1)[0] ?? '';
  let records: string[][];
  try {
    records = parse(clean, { delimiter: detectDelimiter(firstLine), relax_column_count: true, skip_empty_lines: true, trim: true });
  } catch (err) {
    const line = (err as { lines?: number }).lines ?? 1;
    return { ok: false, problems: [{ line, reason: 'het bestand is geen geldige CSV (controleer aanhalingstekens)' }] };
  }
  if (!records.length) return { ok: false, problems: [{ line: 1, reason: 'het bestand is leeg' }] };
  if (records.length - 1 > ROSTER_LIMITS.rows) {
    return { ok: false, problems: [{ line: ROSTER_LIMITS.rows + 2, reason: `meer dan ${ROSTER_LIMITS.rows} regels; splits het bestand` }] };
  }

  const header = records[0].map((h) => h.toLowerCase());
  const missing = ROSTER_HEADER.filter((h) => !header.includes(h));
  if (missing.length) {
    return { ok: false, problems: [{ line: 1, reason: `kolom(men) ontbreken: ${missing.join(', ')}; verwacht: ${ROSTER_HEADER.join(',')}` }] };
  }
  const col = (record: string[], name: (typeof ROSTER_HEADER)[number]) => restoreFormulaCell((record[header.indexOf(name)] ?? '').trim());

  const rows: RosterRow[] = [];
  const problems: RosterProblem[] = [];
  const byAad = new Map<string, FilePerson>();
  const byEmail = new Map<string, FilePerson>();
  const seen = new Map<string, number>();

  records.slice(1).forEach((record, i) => {
    const line = i + 2; // 1-based, after the header
    const rawGroup = col(record, 'wijkgroep');
    const rawName = col(record, 'naam');
    const rawEmail = col(record, 'email').toLowerCase();
    const aadObjectId = col(record, 'aad_object_id').toLowerCase() || null;
    const roleText = col(record, 'rol');
    const role = roleText.length <= ROSTER_LIMITS.role ? parseRole(roleText) : undefined;
    const before = problems.length;
    const problem = (column: string, reason: string) => problems.push({ line, column, reason });

    const nameIssue = nameProblem(rawName, ROSTER_LIMITS.personName);
    if (nameIssue) problem('naam', NAME_REASONS[nameIssue]('naam', ROSTER_LIMITS.personName));
    const groupIssue = rawGroup ? nameProblem(rawGroup, ROSTER_LIMITS.groupName) : null;
    if (groupIssue) problem('wijkgroep', NAME_REASONS[groupIssue]('de naam van de wijkgroep', ROSTER_LIMITS.groupName));
    if (rawEmail.length > ROSTER_LIMITS.email) problem('email', `e-mailadres is langer dan ${ROSTER_LIMITS.email} tekens`);
    else if (rawEmail && !EMAIL_PATTERN.test(rawEmail)) problem('email', `"${shown(rawEmail)}" is geen geldig e-mailadres`);
    if (aadObjectId && !GUID_PATTERN.test(aadObjectId)) problem('aad_object_id', `"${shown(aadObjectId)}" is geen Entra object-id (GUID)`);
    if (!rawEmail && !aadObjectId) problem('email', 'vul e-mail of aad_object_id in, anders kan Wijkbot de persoon niet herkennen');
    if (!role) problem('rol', `onbekende rol "${shown(roleText)}"; kies uit ${ROLES.join(', ')}`);
    else if (GROUP_ROLES.includes(role) && !rawGroup) problem('wijkgroep', `de rol ${role} hoort bij een wijkgroep; vul de wijkgroep in`);
    if (problems.length > before || !role) return;

    const name = cleanName(rawName);
    const groupName = rawGroup ? cleanName(rawGroup) : null;
    const email = rawEmail || null;

    // Rows about one person must agree: one Entra id, one e-mail address, one name.
    const viaAad = aadObjectId ? byAad.get(aadObjectId) : undefined;
    const viaEmail = email ? byEmail.get(email) : undefined;
    if (viaAad && viaEmail && viaAad !== viaEmail) {
      problem('email', `aad_object_id hoort bij de persoon van regel ${viaAad.line}, ${email} bij die van regel ${viaEmail.line}; zet e-mail en aad_object_id van één persoon samen op al zijn regels`);
      return;
    }
    const person = viaAad ?? viaEmail;
    if (person) {
      if (email && person.email && person.email !== email) {
        problem('email', `deze aad_object_id staat op regel ${person.line} met e-mail ${person.email}`);
        return;
      }
      if (aadObjectId && person.aadObjectId && person.aadObjectId !== aadObjectId) {
        problem('aad_object_id', `${email} heeft op regel ${person.line} een ander aad_object_id`);
        return;
      }
      if (person.name !== name) {
        problem('naam', `deze persoon heet op regel ${person.line} "${shown(person.name)}"; gebruik één naam per persoon`);
        return;
      }
      person.email ??= email;
      person.aadObjectId ??= aadObjectId;
    }
    const who = person ?? { aadObjectId, email, name, line };
    if (aadObjectId) byAad.set(aadObjectId, who);
    if (email) byEmail.set(email, who);

    const key = `${who.line}|${role}|${slugify(groupName ?? '')}`;
    const dup = seen.get(key);
    if (dup) {
      problems.push({ line, reason: `dubbele regel: dezelfde persoon, rol en wijkgroep staan al op regel ${dup}` });
      return;
    }
    seen.set(key, line);
    rows.push({ line, groupName, name, email, aadObjectId, role });
  });
  return problems.length ? { ok: false, problems } : { ok: true, rows };
}

/** The same columns the importer reads; names that look like formulas are neutralised by the shared writer. */
export function toRosterCsv(rows: Omit<RosterRow, 'line'>[]): string {
  return writeCsv(ROSTER_HEADER, rows.map((r) => [r.groupName ?? '', r.name, r.email ?? '', r.aadObjectId ?? '', r.role]));
}
