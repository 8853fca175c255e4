/**
 * The presentielijst as CSV for the EKC's filing in GAIA: one row per attendee with the meeting's date,
 * times, type, theme and group, and the person's name and role. BIG and AGB columns are there but empty
 * until the roster holds those numbers (the EKC fills them in or GAIA matches by name).
 *
 * Roles are written as people read them (coördinator, beheerder), in Dutch: the file is for GAIA.
 * Semicolon-separated with a byte-order mark for the download: that is what Dutch Excel opens as columns
 * with ë and ö intact. The shared CSV writer neutralises spreadsheet formulas.
 */
import { writeCsv } from '../../csv/write';
import { roleLabel } from '../groups/types';
import type { AttendanceRow, AttendanceSum } from './service';

export const ATTENDANCE_CSV_HEADER = ['datum', 'begintijd', 'eindtijd', 'soort', 'thema', 'wijkgroep', 'code', 'naam', 'rol', 'BIG-nummer', 'AGB-code'] as const;

export function attendanceCsv(rows: AttendanceRow[]): string {
  return writeCsv(
    ATTENDANCE_CSV_HEADER,
    rows.map((r) => [r.date, r.start, r.end, r.type, r.theme, r.group, r.code, r.name, roleLabel(r.role, 'nl'), r.bigNumber, r.agbCode]),
    { delimiter: ';' },
  );
}

export const ATTENDANCE_SUM_HEADER = ['naam', 'rol', 'FTO', 'PaTz', 'spiegel', 'wijkoverleg', 'totaal'] as const;

export function attendanceSumCsv(sum: AttendanceSum): string {
  return writeCsv(
    ATTENDANCE_SUM_HEADER,
    sum.rows.map((r) => [r.name, roleLabel(r.role, 'nl'), r.byType.FTO, r.byType.PaTz, r.byType.spiegel, r.byType.wijkoverleg, r.total]),
    { delimiter: ';' },
  );
}
