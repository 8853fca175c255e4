/**
 * Accuracy floors on the labelled query sets (test/fixtures/socialMap): a map written like a real
 * coordinator's with the queries we tuned on, and a map in another style whose queries were written before
 * any tuning and never tuned on (held out). The figures themselves are printed by `npm run bench`; these
 * floors catch a change that makes answers worse.
 */
import { evaluate, loadQuerySet } from '../../support/socialMapEval';

const FLOORS: Record<string, { top1: number; top3: number }> = {
  'tuning-stad': { top1: 0.95, top3: 0.97 },
  // held out: a floor with room, so it never turns into a set to tune on
  'heldout-zuid': { top1: 0.85, top3: 0.9 },
};

describe.each(Object.entries(FLOORS))('labelled queries %s', (name, floor) => {
  const { set, partners } = loadQuerySet(name);

  it('has enough queries to mean something', () => {
    expect(set.queries.length).toBeGreaterThanOrEqual(50);
  });

  it(`answers at least ${floor.top1 * 100}% right first and ${floor.top3 * 100}% within the first three`, () => {
    const accuracy = evaluate(set, partners);
    const shown = set.heldOut ? [] : accuracy.misses; // held-out misses are not printed: they must not steer tuning
    expect({ top1: accuracy.top1 >= floor.top1, top3: accuracy.top3 >= floor.top3, misses: shown }).toEqual({ top1: true, top3: true, misses: shown });
  });
});
