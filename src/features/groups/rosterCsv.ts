/**
 * Bulk onboarding file: `wijkgroep,naam,email,aad_object_id,rol`, one row per person per role.
 * Every row is validated before anything is written, and every bad row is reported with its line number.
 */
import { parse } from 'csv-parse/sync';
import { restoreFormulaCell, writeCsv } from '../../csv/write';
import { EMAIL_PATTERN, GROUP_ROLES, GUID_PATTERN, parseRole, ROLES, type Role } from './types';

export const ROSTER_HEADER = ['wijkgroep', 'naam', 'email', 'aad_object_id', 'rol'] as const;

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

  const header = records[0].map((h) => h.toLowerCase());
  const missing = ROSTER_HEADER.filter((h) => !header.includes(h));
  if (missing.length) {
    return { ok: false, problems: [{ line: 1, reason: `kolom(men) ontbreken: ${missing.join(', ')}; verwacht: ${ROSTER_HEADER.join(',')}` }] };
  }
  const col = (record: string[], name: (typeof ROSTER_HEADER)[number]) => restoreFormulaCell((record[header.indexOf(name)] ?? '').trim());

  const rows: RosterRow[] = [];
  const problems: RosterProblem[] = [];
  const idByEmail = new Map<string, { id: string; line: number }>();
  const seen = new Map<string, number>();

  records.slice(1).forEach((record, i) => {
    const line = i + 2; // 1-based, after the header
    const groupName = col(record, 'wijkgroep') || null;
    const name = col(record, 'naam');
    const email = col(record, 'email').toLowerCase() || null;
    const aadObjectId = col(record, 'aad_object_id').toLowerCase() || null;
    const roleText = col(record, 'rol');
    const role = parseRole(roleText);
    const before = problems.length;

    if (!name) problems.push({ line, column: 'naam', reason: 'naam is leeg' });
    if (email && !EMAIL_PATTERN.test(email)) problems.push({ line, column: 'email', reason: `"${email}" is geen geldig e-mailadres` });
    if (aadObjectId && !GUID_PATTERN.test(aadObjectId)) problems.push({ line, column: 'aad_object_id', reason: `"${aadObjectId}" is geen Entra object-id (GUID)` });
    if (!email && !aadObjectId) problems.push({ line, column: 'email', reason: 'vul e-mail of aad_object_id in, anders kan Wijkbot de persoon niet herkennen' });
    if (!role) problems.push({ line, column: 'rol', reason: `onbekende rol "${roleText}"; kies uit ${ROLES.join(', ')}` });
    else if (GROUP_ROLES.includes(role) && !groupName) problems.push({ line, column: 'wijkgroep', reason: `de rol ${role} hoort bij een wijkgroep; vul de wijkgroep in` });
    if (email && aadObjectId) {
      const prior = idByEmail.get(email);
      if (prior && prior.id !== aadObjectId) problems.push({ line, column: 'aad_object_id', reason: `${email} heeft op regel ${prior.line} een ander aad_object_id` });
      else idByEmail.set(email, { id: aadObjectId, line });
    }
    if (problems.length > before || !role) return;
    const key = `${aadObjectId ?? email}|${role}|${(groupName ?? '').toLowerCase()}`;
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
