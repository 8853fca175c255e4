/** Turnout and percentages for cards and exports. Pure. */
import type { Counts } from './types';

export interface OptionResult {
  index: number;
  label: string;
  count: number;
  /** share of the voters who chose this option, 0–100 */
  percent: number;
  /** the option (or one of the options) with the most votes, when anyone voted */
  leading: boolean;
}

/**
 * Percentages of the voters. For single choice they are rounded with the largest-remainder method so the
 * card never shows 33 + 33 + 33 = 99; for multiple choice each option is its own share (the sum may pass 100).
 */
export function optionResults(labels: string[], counts: Counts, voters: number, multiple: boolean): OptionResult[] {
  const max = Math.max(0, ...counts);
  const exact = counts.map((c) => (voters > 0 ? (c / voters) * 100 : 0));
  let percents = exact.map((x) => Math.round(x));
  if (!multiple && voters > 0) {
    const floors = exact.map(Math.floor);
    let left = 100 - floors.reduce((a, b) => a + b, 0);
    const order = exact.map((x, i) => ({ i, rest: x - Math.floor(x) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
    percents = [...floors];
    const total = counts.reduce((a, b) => a + b, 0);
    for (const { i } of order) {
      if (left <= 0 || total === 0) break;
      if (exact[i] === 0) continue;
      percents[i]++;
      left--;
    }
  }
  return labels.map((label, index) => ({
    index,
    label,
    count: counts[index] ?? 0,
    percent: percents[index] ?? 0,
    leading: max > 0 && (counts[index] ?? 0) === max,
  }));
}

export function turnoutPercent(voters: number, eligible: number): number {
  return eligible > 0 ? Math.round((voters / eligible) * 100) : 0;
}

/** Counts from rows of (option, count); options missing from the rows count zero. */
export function countsFrom(optionCount: number, rows: { option: number; count: number }[]): Counts {
  const counts = new Array<number>(optionCount).fill(0);
  for (const r of rows) if (r.option >= 0 && r.option < optionCount) counts[r.option] += r.count;
  return counts;
}
