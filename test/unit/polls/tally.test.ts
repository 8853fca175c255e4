import { countsFrom, optionResults, turnoutPercent } from '../../../src/features/polls/tally';

describe('results', () => {
  test('single choice percentages always add up to 100 (largest remainder)', () => {
    const r = optionResults(['A', 'B', 'C'], [1, 1, 1], 3, false);
    expect(r.map((x) => x.percent).reduce((a, b) => a + b)).toBe(100);
    expect(r.map((x) => x.percent)).toEqual([34, 33, 33]);
    for (const counts of [[2, 1, 0], [5, 4, 4], [1, 6, 0, 6], [7]]) {
      const voters = counts.reduce((a, b) => a + b);
      expect(optionResults(counts.map(String), counts, voters, false).reduce((a, b) => a + b.percent, 0)).toBe(100);
    }
  });
  test('an option nobody chose gets 0%, never a rounding leftover', () => {
    expect(optionResults(['A', 'B', 'C'], [2, 1, 0], 3, false).map((x) => x.percent)).toEqual([67, 33, 0]);
  });
  test('multiple choice: each option is its own share of the voters', () => {
    expect(optionResults(['A', 'B'], [4, 2], 4, true).map((x) => x.percent)).toEqual([100, 50]);
  });
  test('the leader is marked; a tie marks both; no votes marks none', () => {
    expect(optionResults(['A', 'B', 'C'], [2, 2, 1], 5, false).map((x) => x.leading)).toEqual([true, true, false]);
    expect(optionResults(['A', 'B'], [0, 0], 0, false).map((x) => x.leading)).toEqual([false, false]);
    expect(optionResults(['A', 'B'], [0, 0], 0, false).map((x) => x.percent)).toEqual([0, 0]);
  });
  test('turnout and counts from rows', () => {
    expect(turnoutPercent(9, 13)).toBe(69);
    expect(turnoutPercent(0, 0)).toBe(0);
    expect(countsFrom(3, [{ option: 2, count: 4 }, { option: 0, count: 1 }, { option: 9, count: 5 }])).toEqual([1, 0, 4]);
  });
});
