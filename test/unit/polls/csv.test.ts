import { parse } from 'csv-parse/sync';
import { pollCsv } from '../../../src/features/polls/csv';
import { pollRecord } from './helpers';

describe('CSV export', () => {
  test('totals, named votes and feedback in one table that parses back', () => {
    const csv = pollCsv(
      { poll: pollRecord(), counts: [1, 1, 0], voters: 2, comments: [{ author: 'Rik Raadslid', text: 'Graag, maar "digitaal"' }] },
      [{ name: 'Rik Raadslid', choices: [0] }, { name: 'Roos', choices: [1] }],
    );
    const rows: string[][] = parse(csv);
    expect(rows[0]).toEqual(['soort', 'optie', 'stemmen', 'percentage', 'naam', 'toelichting']);
    expect(rows).toContainEqual(['opkomst', '', '2', '15', '', '2 van 13 stemgerechtigden']);
    expect(rows).toContainEqual(['uitslag', 'Ja', '1', '50', '', '']);
    expect(rows).toContainEqual(['stem', 'Nee', '', '', 'Roos', '']);
    expect(rows).toContainEqual(['toelichting', '', '', '', 'Rik Raadslid', 'Graag, maar "digitaal"']);
  });

  test('anonymous polls never list people, even if a caller passed some', () => {
    const csv = pollCsv({ poll: pollRecord({ anonymous: true }), counts: [1, 0, 0], voters: 1, comments: [{ author: null, text: 'x' }] }, [{ name: 'Rik', choices: [0] }]);
    expect(csv).not.toContain('Rik');
  });

  test('before the results are visible only the turnout is exported', () => {
    const csv = pollCsv({ poll: pollRecord({ anonymous: true }), counts: [1, 0, 0], voters: 1, comments: [] }, [], false);
    expect(csv).toContain('opkomst');
    expect(csv).not.toMatch(/uitslag,Ja/);
  });

  test('spreadsheet formulas in user text are neutralised', () => {
    const csv = pollCsv({ poll: pollRecord(), counts: [1, 0, 0], voters: 1, comments: [{ author: '@Rik', text: '=1+1' }] }, [{ name: '-2+3', choices: [0] }]);
    const rows: string[][] = parse(csv);
    expect(rows).toContainEqual(['toelichting', '', '', '', "'@Rik", "'=1+1"]);
    expect(rows).toContainEqual(['stem', 'Ja', '', '', "'-2+3", '']);
  });
});
