/**
 * Every export goes through the one CSV writer, which neutralises spreadsheet formulas: the payloads of the
 * adversarial run come out as text in the roster, sociale kaart, poll and presentielijst exports, and the
 * importers read them back unchanged.
 */
import { parse } from 'csv-parse/sync';
import { neutraliseFormulaCell, restoreFormulaCell, writeCsv } from '../../../src/csv/write';
import { parseRosterCsv, toRosterCsv } from '../../../src/features/groups/rosterCsv';
import { attendanceCsv, attendanceSumCsv } from '../../../src/features/meetings/attendance';
import { pollCsv } from '../../../src/features/polls/csv';
import { parsePartnerCsv, toPartnerCsv } from '../../../src/features/socialMap/csvFormat';
import { generatePartners } from '../../../src/features/socialMap/demoData';
import { pollRecord } from '../polls/helpers';

const PAYLOADS = ['=HYPERLINK("http://x.example","klik")', "+31 cmd|' /C calc'!A0", '@SUM(1+1)', '-2+3', '\t=1+1', '\r=1+1'];

/** No cell of a parsed export may start with a character a spreadsheet runs as a formula. */
function formulaCells(csv: string, delimiter = ','): string[] {
  const rows: string[][] = parse(csv.replace(/^\uFEFF/, ''), { delimiter, relax_column_count: true });
  return rows.flat().filter((c) => /^[=+\-@\t\r]/.test(c));
}

describe('the shared writer', () => {
  test.each(PAYLOADS)('neutralises %j and the importers restore it', (payload) => {
    expect(neutraliseFormulaCell(payload)).toBe(`'${payload}`);
    expect(restoreFormulaCell(neutraliseFormulaCell(payload))).toBe(payload);
  });

  test('plain text, numbers and empty cells are written as they are; Dutch-Excel-sensitive cells are quoted', () => {
    const csv = writeCsv(['a', 'b', 'c', 'd'], [['Ja', 3, null, 'x;y'], [' spatie', -1, undefined, "'gewoon"]]);
    expect(csv).toBe('a,b,c,d\r\nJa,3,,"x;y"\r\n" spatie",-1,,\'gewoon\r\n');
    expect(writeCsv(['a'], [['ë']], { bom: true, delimiter: ';' })).toBe('\uFEFFa\r\në\r\n');
  });
});

describe('every export neutralises formulas', () => {
  test('the roster export (names can come from Teams display names), and its import restores them', () => {
    const rows = PAYLOADS.slice(0, 4).map((name, i) => ({ groupName: i ? 'Oost' : '=Groep', name, email: `p${i}@x.nl`, aadObjectId: null, role: 'huisarts' as const }));
    const csv = toRosterCsv(rows);
    expect(formulaCells(csv)).toEqual([]);
    const back = parseRosterCsv(csv);
    expect(back.ok && back.rows.map((r) => [r.groupName, r.name])).toEqual(rows.map((r) => [r.groupName, r.name]));
  });

  test('the sociale kaart export, losslessly', () => {
    const [partner] = generatePartners(1, 3);
    const p = { ...partner!, name: PAYLOADS[0]!, organisation: PAYLOADS[1]! };
    const csv = toPartnerCsv([p]);
    expect(formulaCells(csv)).toEqual([]);
    const back = parsePartnerCsv(csv);
    expect(back.ok && back.rows[0]!.name).toBe(PAYLOADS[0]);
  });

  test('the poll export', () => {
    const csv = pollCsv({ poll: pollRecord({ question: PAYLOADS[2]! }), counts: [1, 0, 0], voters: 1, comments: [{ author: PAYLOADS[3]!, text: PAYLOADS[0]! }] }, [{ name: PAYLOADS[1]!, choices: [0] }]);
    expect(formulaCells(csv)).toEqual([]);
  });

  test('the presentielijst and the year overview', () => {
    const row = { date: '2026-12-08', start: '12:30', end: '14:00', type: 'FTO' as const, theme: PAYLOADS[0]!, group: 'Oost', code: 'FTO-7K2', name: PAYLOADS[3]!, role: PAYLOADS[2]!, bigNumber: '', agbCode: '' };
    expect(formulaCells(attendanceCsv([row]), ';')).toEqual([]);
    const sum = { group: { id: 'g', name: 'Oost' }, year: 2026, rows: [{ name: PAYLOADS[1]!, role: PAYLOADS[2]!, byType: { FTO: 1, PaTz: 0, spiegel: 0, wijkoverleg: 0 }, total: 1 }] } as never;
    expect(formulaCells(attendanceSumCsv(sum), ';')).toEqual([]);
  });
});
