/**
 * The one CSV writer for every export (roster, sociale kaart, poll results, presentielijst), built on
 * csv-stringify. Two things every export needs are built in rather than left to each caller:
 *
 * - Spreadsheet formula injection: Excel and LibreOffice run a cell that starts with `=`, `+`, `-` or `@`
 *   as a formula (`=HYPERLINK(…)`, `+31 cmd|' /C calc'!A0`), and a leading TAB or CR can hide such a
 *   start. Names come from anyone's Teams display name or a roster file, so every text cell that starts
 *   with one of those characters gets Excel's own "this is text" marker, a leading apostrophe. The
 *   importers remove exactly that prefix again (restoreFormulaCell), so a round trip is lossless.
 * - Cells are quoted when a Dutch Excel could split them: besides the delimiter, quote and line breaks,
 *   also `,` and `;` whatever the delimiter, TAB, and leading or trailing spaces.
 */
import { stringify } from 'csv-stringify/sync';

export type CsvCell = string | number | null | undefined;

export interface CsvWriteOptions {
  /** `;` is what Dutch Excel opens as columns; `,` is the default elsewhere */
  delimiter?: ',' | ';';
  /** a UTF-8 byte-order mark, so Excel shows ë and ö */
  bom?: boolean;
  /** CRLF (RFC 4180, Excel) or LF */
  lineEnding?: '\r\n' | '\n';
}

const FORMULA_START = /^[=+\-@\t\r]/;
const PROTECTED_FORMULA = /^'[=+\-@\t\r]/;

/** A text cell as a spreadsheet must show it, never run it. */
export function neutraliseFormulaCell(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** The importers' inverse of neutraliseFormulaCell: only the apostrophe the writer added is removed. */
export function restoreFormulaCell(cell: string): string {
  return PROTECTED_FORMULA.test(cell) ? cell.slice(1) : cell;
}

export function writeCsv(header: readonly string[], rows: Iterable<readonly CsvCell[]>, opts: CsvWriteOptions = {}): string {
  const records: string[][] = [];
  for (const row of rows) records.push(row.map((cell) => (cell === null || cell === undefined ? '' : typeof cell === 'number' ? String(cell) : neutraliseFormulaCell(cell))));
  const csv = stringify(records, {
    header: true,
    columns: [...header],
    delimiter: opts.delimiter ?? ',',
    record_delimiter: opts.lineEnding === '\n' ? 'unix' : 'windows',
    quoted_match: /[,;\t]|^\s|\s$/,
  });
  return (opts.bom ? '\uFEFF' : '') + csv;
}
